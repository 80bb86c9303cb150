using System.Globalization;

namespace Esf.Domain.Invoices;

/// <summary>
/// Регистрационный номер ЭСФ: <c>ESF-&lt;seller tin&gt;-&lt;yyyyMMdd&gt;-&lt;8 digits&gt;</c> (esf-api-facts §15).
/// The date is the registration day; the tail comes from a system-wide counter, so the whole number is unique.
/// </summary>
public static class RegistrationNumber
{
    private const long TailModulus = 100_000_000;

    public static string Create(string sellerTin, DateOnly registrationDay, long counter)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sellerTin);
        ArgumentOutOfRangeException.ThrowIfNegative(counter);
        var tail = (counter % TailModulus).ToString("D8", CultureInfo.InvariantCulture);
        return $"ESF-{sellerTin}-{registrationDay.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{tail}";
    }

    /// <summary>The registration day a number carries (its <c>yyyyMMdd</c> part, written by the server); null when it has none.</summary>
    public static DateOnly? DayOf(string? registrationNumber) =>
        registrationNumber?.Split('-') is [_, _, var day, _]
        && DateOnly.TryParseExact(day, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var registered)
            ? registered
            : null;
}
