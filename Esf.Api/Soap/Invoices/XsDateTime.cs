using System.Globalization;
using Esf.Infrastructure;
using Esf.Infrastructure.Errors;

namespace Esf.Api.Soap.Invoices;

/// <summary>Reads request xs:dateTime values; one written without an offset is Kazakhstan time, as the service's clients mean it.</summary>
public static class XsDateTime
{
    public static DateTimeOffset Parse(string text, string field)
    {
        if (!DateTime.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var value))
        {
            throw EsfException.InvalidInput($"{field} «{text}» is not an xs:dateTime.");
        }

        try
        {
            // A moment at the very ends of the calendar cannot be shifted by Kazakhstan's offset: the range check is part of
            // reading the value, so such a request gets the same fault as any other bad date, never an internal error.
            var moment = value.Kind == DateTimeKind.Unspecified ? new DateTimeOffset(value, KazakhstanTime.Offset) : new DateTimeOffset(value.ToUniversalTime());
            _ = KazakhstanTime.Of(moment);
            return moment;
        }
        catch (ArgumentOutOfRangeException)
        {
            throw EsfException.InvalidInput($"{field} «{text}» is outside the dates this service handles.");
        }
    }

    public static DateOnly Day(string text, string field) => DateOnly.FromDateTime(KazakhstanTime.Of(Parse(text, field)).DateTime);
}
