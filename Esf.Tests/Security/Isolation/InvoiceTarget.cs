using System.Text.RegularExpressions;

namespace Esf.Tests.Security.Isolation;

/// <summary>An invoice as the matrix names it: by id, or by key (number and issue date, dd.MM.yyyy).</summary>
public sealed partial record InvoiceTarget(long Id, string Num, string Date)
{
    /// <summary>The same key shape, naming nothing: an id and a number no invoice has.</summary>
    public InvoiceTarget Missing() => new(Id + 1_000_000_000_000, "9" + Num, Date);

    /// <summary>
    /// The answer with this target's id and number and per-request noise (trace ids) taken out, so the answers for two targets
    /// can be compared byte for byte. Only whole numbers are replaced: an id may be a substring of a number, and a small id
    /// must not hit the digits of a dotted number such as the RFC section "15.5.5" in a problem's type.
    /// </summary>
    public string Normalize(string answer)
    {
        var text = TraceId().Replace(answer, "");
        text = Regex.Replace(text, $@"(?<![\d.]){Num}(?![\d.])", "{num}");
        return Regex.Replace(text, $@"(?<![\d.]){Id}(?![\d.])", "{id}");
    }

    [GeneratedRegex("\"traceId\":\"[^\"]*\",?")]
    private static partial Regex TraceId();
}
