namespace Esf.Infrastructure.Export;

/// <summary>
/// One CSV cell: neutralised against formulas (<see cref="SpreadsheetText"/>), then RFC 4180 quoting: a value with a comma,
/// quote or line break is quoted, its quotes doubled.
/// </summary>
public static class CsvText
{
    public static string Escape(string? value) => value is null ? "" : Quote(SpreadsheetText.Neutralise(value));

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
