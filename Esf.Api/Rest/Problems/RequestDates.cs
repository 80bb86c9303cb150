using System.Globalization;
using Esf.Domain.Calendar;
using Esf.Infrastructure;
using Esf.Infrastructure.Errors;

namespace Esf.Api.Rest.Problems;

/// <summary>
/// Dates in query strings and JSON bodies, read only through <see cref="DayFormats"/> (ADR 0006). They are bound as text,
/// not as <see cref="DateOnly"/>: the framework's binder reads 03.12.2026 month-first with the invariant culture and refuses a
/// bad date without saying why; here a bad date is a 400 problem naming both accepted formats.
/// </summary>
public static class RequestDates
{
    private static readonly string[] InstantFormats = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'"];

    /// <summary>The day, or null when the field is absent or empty.</summary>
    public static DateOnly? Day(string? text, string field) => string.IsNullOrWhiteSpace(text)
        ? null
        : DayFormats.TryParse(text, out var day) ? day : throw EsfException.InvalidInput(DayFormats.Refusal(field, text));

    public static DateOnly RequiredDay(string? text, string field) =>
        Day(text, field) ?? throw EsfException.InvalidInput($"Missing required field(s): {field}.");

    /// <summary>
    /// A moment: a day in either form (its start in Kazakhstan time) or an ISO 8601 date-time with its offset, so that a
    /// moment without a zone is never guessed either.
    /// </summary>
    public static DateTimeOffset? Instant(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DayFormats.TryParse(text, out var day))
        {
            return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), KazakhstanTime.Offset);
        }

        // AssumeUniversal only gives the literal 'Z' its meaning: the other pattern requires the offset to be written.
        return DateTimeOffset.TryParseExact(text.Trim(), InstantFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant
            : throw EsfException.InvalidInput($"{DayFormats.Refusal(field, text)} A moment may also be an ISO 8601 date-time with its offset (2026-12-03T10:00:00+05:00).");
    }
}
