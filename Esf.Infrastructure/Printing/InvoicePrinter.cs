using System.Globalization;
using System.Text;
using Esf.Infrastructure.Invoices;

namespace Esf.Infrastructure.Printing;

/// <summary>Prints a stored invoice (the caller has already checked that the session may see it).</summary>
public static class InvoicePrinter
{
    /// <summary>pdf (also when absent) or html; null for anything else.</summary>
    public static PrintFormat? ParseFormat(string? text) => (text ?? "pdf").Trim().ToLowerInvariant() switch
    {
        "pdf" => PrintFormat.Pdf,
        "html" => PrintFormat.Html,
        _ => null,
    };

    /// <param name="publicBase">Where /verify is served for the QR code; null prints no QR code (nothing to verify against).</param>
    public static PrintedDocument Print(InvoiceRecord invoice, PrintFormat format, Uri? publicBase)
    {
        var form = InvoiceFormBuilder.Build(invoice, publicBase);
        var title = Title(invoice);
        var name = FileName(invoice);
        if (format == PrintFormat.Html)
        {
            return new PrintedDocument(Encoding.UTF8.GetBytes(HtmlFormRenderer.Render(form, title)), "text/html; charset=utf-8", name + ".html");
        }

        using var pdf = new MemoryStream();
        PdfFormRenderer.Render(form, title, pdf);
        return new PrintedDocument(pdf.ToArray(), "application/pdf", name + ".pdf");
    }

    /// <summary>«ЭСФ ESF-…» once registered, else «ЭСФ № 1001 от 15.11.2026».</summary>
    public static string Title(InvoiceRecord invoice) =>
        invoice.RegistrationNumber is { } number ? $"ЭСФ {number}" : $"ЭСФ № {invoice.Num} от {invoice.DateText}";

    /// <summary>ASCII only, so no browser or archiver mangles it: the registration number, else esf-&lt;id&gt;.</summary>
    public static string FileName(InvoiceRecord invoice) =>
        invoice.RegistrationNumber ?? "esf-" + invoice.InvoiceId.ToString(CultureInfo.InvariantCulture);
}
