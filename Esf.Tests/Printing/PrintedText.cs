using System.Net;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;

namespace Esf.Tests.Printing;

/// <summary>
/// The text a reader sees in a printed form, for comparing with the invoice's fields: the PDF's text per page as PdfPig
/// extracts it, the HTML's text without its tags. Whitespace is dropped, since a renderer may wrap a value anywhere.
/// </summary>
public static partial class PrintedText
{
    public static IReadOnlyList<string> PdfPages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().Select(page => Squeeze(page.Text))];
    }

    public static string Html(string html) => Squeeze(WebUtility.HtmlDecode(Tags().Replace(html, " ")));

    public static string Squeeze(string? text) => Whitespace().Replace(text ?? "", "");

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
