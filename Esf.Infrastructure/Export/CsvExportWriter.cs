using System.Text;
using Esf.Domain.Invoices;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Search;

namespace Esf.Infrastructure.Export;

/// <summary>
/// CSV (RFC 4180, UTF-8 with a BOM so spreadsheets read Cyrillic) with one row per product line: the invoice's columns
/// repeated, the line's number and fields, and the cursor that resumes after the invoice.
/// </summary>
internal sealed class CsvExportWriter(Stream output) : IExportWriter
{
    private static readonly string[] InvoiceColumns =
        ["invoiceId", "registrationNumber", "status", "num", "date", "turnoverDate", "invoiceType", "sellerTin", "customerTin", "currencyCode", "lineNumber"];

    private readonly StreamWriter writer = new(output, new UTF8Encoding(true), 64 * 1024) { NewLine = "\r\n" };

    public Task StartAsync() => writer.WriteLineAsync(string.Join(',', InvoiceColumns.Concat(ProductLines.Fields).Append("cursor")));

    public async Task WriteAsync(InvoiceRecord invoice, SearchCursor cursor)
    {
        var (currency, lines) = ProductLines.Read(invoice.Body);
        for (var i = 0; i < lines.Count; i++)
        {
            string?[] head =
            [
                invoice.InvoiceId.ToString(System.Globalization.CultureInfo.InvariantCulture), invoice.RegistrationNumber, invoice.Status.ToWire(),
                invoice.Num, invoice.DateText, invoice.TurnoverDate?.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture),
                invoice.InvoiceType, invoice.SellerTin, invoice.CustomerTin, currency, (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ];
            var line = lines[i];
            var cells = head.Concat(ProductLines.Fields.Select(f => line.GetValueOrDefault(f))).Append(cursor.Encode());
            await writer.WriteLineAsync(string.Join(',', cells.Select(CsvText.Escape)));
        }
    }

    public Task FlushAsync() => writer.FlushAsync();

    public Task EndAsync() => writer.FlushAsync();

    public ValueTask DisposeAsync() => writer.DisposeAsync();
}
