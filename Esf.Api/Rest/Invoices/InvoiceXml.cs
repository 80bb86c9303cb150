using System.Globalization;
using System.Xml;
using Esf.Domain.Calendar;

namespace Esf.Api.Rest.Invoices;

/// <summary>The XML form of a search page: &lt;invoices cursor hasMore&gt; with one &lt;invoice&gt; per row, the body as text.</summary>
public static class InvoiceXml
{
    public static async Task WritePageAsync(XmlWriter writer, InvoiceSearchPage page)
    {
        await writer.WriteStartElementAsync(null, "invoices", null);
        if (page.Cursor is not null)
        {
            await writer.WriteAttributeStringAsync(null, "cursor", null, page.Cursor);
        }

        await writer.WriteAttributeStringAsync(null, "hasMore", null, page.HasMore ? "true" : "false");
        foreach (var invoice in page.Invoices)
        {
            await writer.WriteStartElementAsync(null, "invoice", null);
            await Element(writer, "id", invoice.Id.ToString(CultureInfo.InvariantCulture));
            await Element(writer, "status", invoice.Status);
            await Element(writer, "registrationNumber", invoice.RegistrationNumber);
            await Element(writer, "num", invoice.Num);
            await Element(writer, "date", invoice.Date is { } date ? DayFormats.ToIso(date) : null);
            await Element(writer, "invoiceType", invoice.InvoiceType);
            await Element(writer, "sellerTin", invoice.SellerTin);
            await Element(writer, "customerTin", invoice.CustomerTin);
            await Element(writer, "lastUpdateDate", invoice.LastUpdateDate.ToString("O", CultureInfo.InvariantCulture));
            await Element(writer, "body", invoice.Body);
            await writer.WriteEndElementAsync();
        }

        await writer.WriteEndElementAsync();
        await writer.FlushAsync();
    }

    private static Task Element(XmlWriter writer, string name, string? value) =>
        value is null ? Task.CompletedTask : writer.WriteElementStringAsync(null, name, null, value);
}
