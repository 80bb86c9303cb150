using System.Globalization;

namespace Esf.Domain.Calendar;

/// <summary>
/// The one way a calendar day written by a client is read (ADR 0006): the ESF day-first form <c>dd.MM.yyyy</c>, as every ESF
/// document writes it, or ISO <c>yyyy-MM-dd</c>, and nothing else. Both are exact patterns read with the invariant culture,
/// so no setting can turn 03.12.2026 into 12 March, and a form that could mean two days (12/03/2026) is refused, not guessed.
/// JSON answers write the ISO form.
/// </summary>
public static class DayFormats
{
    /// <summary>Дата в формате ЭСФ: day first.</summary>
    public const string Esf = "dd.MM.yyyy";

    public const string Iso = "yyyy-MM-dd";

    private static readonly string[] Accepted = [Esf, Iso];

    public static bool TryParse(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text?.Trim(), Accepted, CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    /// <summary>The message for a value that is not a day in either form; it names both, so the client can fix it.</summary>
    public static string Refusal(string field, string? text) =>
        $"{field} «{text}» is not a date: write it as {Esf} (ESF, day first) or {Iso} (ISO).";

    public static string ToIso(DateOnly day) => day.ToString(Iso, CultureInfo.InvariantCulture);

    /// <summary>A day as a client or a document wrote it, in ISO; null when it is not a day in either form.</summary>
    public static string? ToIso(string? text) => TryParse(text, out var day) ? ToIso(day) : null;
}
