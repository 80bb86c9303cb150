using System.Xml;

namespace Esf.Infrastructure.Export;

/// <summary>
/// A container of bodies as stored — esf:invoiceContainer/invoiceSet (contracts/xsd/InvoiceContainer.xsd) or
/// esf:sntContainer/sntSet (contracts/xsd/SntContainer.xsd) — each followed by a comment <c>&lt;!--cursor:…--&gt;</c>: the
/// cursor that resumes after that document (the container schemas have no place for it).
/// </summary>
internal sealed class ContainerExportWriter<TDocument>(Stream output, ContainerShape<TDocument> shape) : IExportWriter<TDocument>
{
    private readonly XmlWriter writer = XmlWriter.Create(output, new XmlWriterSettings
    {
        Async = true,
        Encoding = new System.Text.UTF8Encoding(false),
        ConformanceLevel = ConformanceLevel.Document,
    });

    public async Task StartAsync()
    {
        await writer.WriteStartDocumentAsync();
        await writer.WriteStartElementAsync("esf", shape.Container, "esf");
        await writer.WriteStartElementAsync(null, shape.Set, null);
    }

    public async Task WriteAsync(TDocument document, string cursor)
    {
        // Bodies were parsed as well-formed XML when they were accepted, so they are copied as they are (re-parsing each one
        // cost more than the rest of the export); only an XML declaration, which cannot appear inside the container, is cut.
        await writer.WriteRawAsync(WithoutDeclaration(shape.Body(document)));
        await writer.WriteCommentAsync(ContainerCursor.Prefix + cursor);
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

/// <summary>The container and set element names of a kind of document, and where its signed body is.</summary>
internal sealed record ContainerShape<TDocument>(string Container, string Set, Func<TDocument, string> Body);

/// <summary>What starts the comment that carries a document's resume cursor in a container.</summary>
internal static class ContainerCursor
{
    public const string Prefix = "cursor:";
}
