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
        // Bodies were parsed as well-formed XML when they were accepted; copying them through a reader keeps them intact and
        // drops an XML declaration, which cannot appear inside the container.
        using var reader = XmlReader.Create(new StringReader(invoice.Body), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, Async = true });
        await reader.MoveToContentAsync();
        await writer.WriteNodeAsync(reader, defattr: false);
        await writer.WriteCommentAsync(CursorPrefix + cursor.Encode());
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
