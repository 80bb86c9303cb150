using System.Globalization;

namespace Esf.Infrastructure.Xml;

/// <summary>The typed values of an invoice's elements: a text that is not of its type reads as null (the XSD reports it).</summary>
internal static class XmlValues
{
    private const NumberStyles DecimalStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite
        | NumberStyles.AllowTrailingWhite;

    public static decimal? ToDecimal(string text) =>
        decimal.TryParse(text, DecimalStyle, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static int? ToInt(string text) =>
        int.TryParse(text.AsSpan().Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static bool? ToBool(string text) => text.AsSpan().Trim() switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => null,
    };

    public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
}
