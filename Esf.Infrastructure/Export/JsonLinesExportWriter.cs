using System.Text.Json;
using Esf.Domain.Calendar;
using Esf.Domain.Invoices;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Search;

namespace Esf.Infrastructure.Export;

/// <summary>
/// One JSON object per line: the invoice as stored (body as signed, signature, certificate) and the resume cursor; dates ISO
/// like the rest of the JSON API (ADR 0006).
/// </summary>
internal sealed class JsonLinesExportWriter(Stream output) : IExportWriter
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private readonly Utf8JsonWriter writer = new(output);

    public Task StartAsync() => Task.CompletedTask;

    public async Task WriteAsync(InvoiceRecord invoice, SearchCursor cursor)
    {
        writer.WriteStartObject();
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
        writer.WriteString("cursor", cursor.Encode());
        writer.WriteEndObject();
        await writer.FlushAsync();
        writer.Reset();
        await output.WriteAsync(NewLine);
    }

    public Task FlushAsync() => output.FlushAsync();

    public Task EndAsync() => output.FlushAsync();

    public ValueTask DisposeAsync() => writer.DisposeAsync();
}
