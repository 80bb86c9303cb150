using System.Net;

namespace Esf.Infrastructure.Printing;

/// <summary>
/// HTML-encodes text from invoices and users before it reaches a page (names may hold «&lt;», quotes, anything): &amp; &lt; &gt;
/// and both quotes are escaped, Cyrillic and Kazakh letters stay readable in the source.
/// </summary>
public static class HtmlText
{
    public static string Encode(string? text) => text is null ? "" : WebUtility.HtmlEncode(text);
}
