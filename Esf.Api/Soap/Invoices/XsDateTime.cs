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
            throw EsfException.Business($"{field} «{text}» is not an xs:dateTime.", "FIELD_INVALID");
        }

        return value.Kind == DateTimeKind.Unspecified ? new DateTimeOffset(value, KazakhstanTime.Offset) : new DateTimeOffset(value.ToUniversalTime());
    }

    public static DateOnly Day(string text, string field) => DateOnly.FromDateTime(KazakhstanTime.Of(Parse(text, field)).DateTime);
}
