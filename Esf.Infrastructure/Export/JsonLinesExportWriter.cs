using System.Text.Json;

namespace Esf.Infrastructure.Export;

/// <summary>
/// One JSON object per line: the document as stored (its fields by <paramref name="fields"/>) and the resume cursor; dates ISO
/// like the rest of the JSON API (ADR 0006).
/// </summary>
internal sealed class JsonLinesExportWriter<TDocument>(Stream output, Action<Utf8JsonWriter, TDocument> fields) : IExportWriter<TDocument>
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private readonly Utf8JsonWriter writer = new(output);

    public Task StartAsync() => Task.CompletedTask;

    public async Task WriteAsync(TDocument document, string cursor)
    {
        writer.WriteStartObject();
        fields(writer, document);
        writer.WriteString("cursor", cursor);
        writer.WriteEndObject();
        await writer.FlushAsync();
        writer.Reset();
        await output.WriteAsync(NewLine);
    }

    public Task FlushAsync() => output.FlushAsync();

    public Task EndAsync() => output.FlushAsync();

    public ValueTask DisposeAsync() => writer.DisposeAsync();
}
