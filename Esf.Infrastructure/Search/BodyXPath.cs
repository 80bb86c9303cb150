namespace Esf.Infrastructure.Search;

/// <summary>
/// SQL over the stored body (alias <c>i</c>) for values the invoices table has no column for. The body's children are
/// unqualified (esf-api-facts §11), so plain paths under the root reach them.
/// </summary>
internal static class BodyXPath
{
    public static string Text(string path) => $"(xpath('/*/{path}/text()', i.body::xml))[1]::text";

    /// <summary>A numeric field, 0 when absent (so that it sorts and compares).</summary>
    public static string Number(string path) => $"coalesce(({Text(path)})::numeric, 0)";

    public static string AnyText(string path) => $"(xpath('/*/{path}/text()', i.body::xml))::text[]";
}
