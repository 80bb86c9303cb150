using System.Globalization;
using System.Text.Json;
using Esf.Domain.Calendar;
using Esf.Domain.Invoices;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Search;
using Esf.Infrastructure.Sessions;

namespace Esf.Infrastructure.Export;

/// <summary>
/// Streams a search to a stream in keyset batches of <see cref="BatchSize"/>, flushing after each, so memory stays flat
/// whatever the size; a cursor from the output resumes after the invoice it follows. The XML container holds registered
/// invoices only: it carries bodies and no status, so a FAILED or queued body (whatever it claims) must not pass for an invoice
/// there. JSON lines and CSV carry each invoice's status and keep every status the filter asks for.
/// </summary>
public sealed class InvoiceExporter(InvoiceSearch search)
{
    public const int BatchSize = 500;

    /// <summary>The container holds the bodies as read, UTF-8 (<see cref="InvoiceSearch.StreamBodiesAsync"/>).</summary>
    private static readonly ContainerShape<byte[]> Container = new("invoiceContainer", "invoiceSet", body => body);

    private static readonly CsvShape<InvoiceRecord> Csv = new(
        ["invoiceId", "registrationNumber", "status", "num", "date", "turnoverDate", "invoiceType", "sellerTin", "customerTin", "currencyCode"],
        (invoice, currency) =>
        [
            invoice.InvoiceId.ToString(CultureInfo.InvariantCulture), invoice.RegistrationNumber, invoice.Status.ToWire(),
            invoice.Num, invoice.DateText, invoice.TurnoverDate?.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
            invoice.InvoiceType, invoice.SellerTin, invoice.CustomerTin, currency,
        ],
        ProductLines.Fields,
        i => i.Body);

    /// <param name="publicBase">Where /verify is served, for the QR codes of <see cref="ExportFormat.PrintedForms"/>.</param>
    /// <returns>How many invoices were written.</returns>
    public async Task<long> WriteAsync(
        Stream output, SessionContext session, InvoiceFilter filter, InvoiceSort sort, bool ascending, SearchCursor? after, ExportFormat format,
        CancellationToken cancellationToken, Uri? publicBase = null)
    {
        if (format == ExportFormat.Xml)
        {
            await using var container = new ContainerExportWriter<byte[]>(output, Container);
            var bodies = search.StreamBodiesAsync(session, filter with { RegisteredOnly = true }, sort, ascending, after, BatchSize, cancellationToken);
            return await ExportLoop.WriteAsync(container, Encoded(bodies), BatchSize);
        }

        await using IExportWriter<InvoiceRecord> writer = format switch
        {
            ExportFormat.JsonLines => new JsonLinesExportWriter<InvoiceRecord>(output, WriteJson),
            ExportFormat.PrintedForms => new PrintedFormsExportWriter(output, publicBase),
            _ => new CsvExportWriter<InvoiceRecord>(output, Csv),
        };
        return await ExportLoop.WriteAsync(writer, Encoded(search.StreamAsync(session, filter, sort, ascending, after, BatchSize, cancellationToken)), BatchSize);
    }

    private static async IAsyncEnumerable<(TDocument, string)> Encoded<TDocument>(IAsyncEnumerable<(TDocument Document, SearchCursor Cursor)> found)
    {
        await foreach (var (document, cursor) in found)
        {
            yield return (document, cursor.Encode());
        }
    }

    /// <summary>The invoice as stored (body as signed, signature, certificate).</summary>
    private static void WriteJson(Utf8JsonWriter writer, InvoiceRecord invoice)
    {
        writer.WriteNumber("id", invoice.InvoiceId);
        writer.WriteString("status", invoice.Status.ToWire());
        writer.WriteString("registrationNumber", invoice.RegistrationNumber);
        writer.WriteString("num", invoice.Num);
        writer.WriteString("date", DayFormats.ToIso(invoice.DateText));
        writer.WriteString("invoiceType", invoice.InvoiceType);
        writer.WriteString("sellerTin", invoice.SellerTin);
        writer.WriteString("customerTin", invoice.CustomerTin);
        writer.WriteString("inputDate", invoice.InputDate);
        writer.WriteString("lastUpdateDate", invoice.LastUpdateDate);
        writer.WriteString("version", invoice.Version);
        writer.WriteString("signatureType", invoice.SignatureType);
        writer.WriteString("signature", invoice.Signature);
        writer.WriteString("certificate", invoice.Certificate);
        writer.WriteString("body", invoice.Body);
    }
}
