using System.Xml;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Search;

namespace Esf.Infrastructure.Export;

/// <summary>
/// esf:invoiceContainer/invoiceSet with each body as stored (contracts/xsd/InvoiceContainer.xsd), followed by a comment
/// <c>&lt;!--cursor:…--&gt;</c>: the cursor that resumes after that invoice (the container schema has no place for it).
/// </summary>
internal sealed class ContainerExportWriter(Stream output) : IExportWriter
{
    public const string CursorPrefix = "cursor:";

    private readonly XmlWriter writer = XmlWriter.Create(output, new XmlWriterSettings
    {
        Async = true,
        Encoding = new System.Text.UTF8Encoding(false),
        ConformanceLevel = ConformanceLevel.Document,
    });

    public async Task StartAsync()
    {
        await writer.WriteStartDocumentAsync();
        await writer.WriteStartElementAsync("esf", "invoiceContainer", "esf");
        await writer.WriteStartElementAsync(null, "invoiceSet", null);
    }

    public async Task WriteAsync(InvoiceRecord invoice, SearchCursor cursor)
    {
        // Bodies were parsed as well-formed XML when they were accepted, so they are copied as they are (re-parsing each one
        // cost more than the rest of the export); only an XML declaration, which cannot appear inside the container, is cut.
        await writer.WriteRawAsync(WithoutDeclaration(invoice.Body));
        await writer.WriteCommentAsync(CursorPrefix + cursor.Encode());
    }

    private static string WithoutDeclaration(string body)
    {
        var start = body.AsSpan().TrimStart('\uFEFF').TrimStart();
        return start.StartsWith("<?xml", StringComparison.Ordinal) && start.IndexOf("?>", StringComparison.Ordinal) is var end and >= 0
            ? start[(end + 2)..].ToString()
            : body;
    }

    public Task FlushAsync() => writer.FlushAsync();

    public async Task EndAsync()
    {
        await writer.WriteEndElementAsync();
        await writer.WriteEndElementAsync();
        await writer.WriteEndDocumentAsync();
        await writer.FlushAsync();
    }

    public ValueTask DisposeAsync() => writer.DisposeAsync();
}
