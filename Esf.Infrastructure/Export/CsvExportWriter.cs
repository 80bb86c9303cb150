using System.Text;

namespace Esf.Infrastructure.Export;

/// <summary>
/// CSV (RFC 4180, UTF-8 with a BOM so spreadsheets read Cyrillic) with one row per product line: the document's columns
/// repeated, the line's number and fields, and the cursor that resumes after the document.
/// </summary>
internal sealed class CsvExportWriter<TDocument>(Stream output, CsvShape<TDocument> shape) : IExportWriter<TDocument>
{
    private readonly StreamWriter writer = new(output, new UTF8Encoding(true), 64 * 1024) { NewLine = "\r\n" };

    public Task StartAsync() =>
        writer.WriteLineAsync(string.Join(',', shape.DocumentColumns.Append("lineNumber").Concat(shape.LineFields).Append("cursor")));

    public async Task WriteAsync(TDocument document, string cursor)
    {
        var (currency, lines) = ProductLines.Read(shape.Body(document));
        var head = shape.Head(document, currency).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var cells = head.Append((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Concat(shape.LineFields.Select(f => line.GetValueOrDefault(f))).Append(cursor);
            await writer.WriteLineAsync(string.Join(',', cells.Select(CsvText.Escape)));
        }
    }

    public Task FlushAsync() => writer.FlushAsync();

    public Task EndAsync() => writer.FlushAsync();

    public ValueTask DisposeAsync() => writer.DisposeAsync();
}

/// <summary>
/// The CSV of a kind of document: its own columns (<see cref="Head"/> answers them in order, given the document and the currency
/// of its productSet), the fields of its product lines (productSet/products/product) and where its body is.
/// </summary>
internal sealed record CsvShape<TDocument>(
    IReadOnlyList<string> DocumentColumns, Func<TDocument, string?, IEnumerable<string?>> Head, IReadOnlyList<string> LineFields, Func<TDocument, string> Body);
