using System.Globalization;

namespace Esf.Infrastructure.Xml;

/// <summary>The typed values of an invoice's elements: a text that is not of its type reads as null (the XSD reports it).</summary>
internal static class XmlValues
{
    private const NumberStyles DecimalStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite
        | NumberStyles.AllowTrailingWhite;

    // Digits a ulong always holds: 10^18 < 2^64.
    private const int MaxPlainDigits = 18;

    public static decimal? ToDecimal(string text) =>
        TryPlainDecimal(text, out var value) || decimal.TryParse(text, DecimalStyle, CultureInfo.InvariantCulture, out value) ? value : null;

    /// <summary>
    /// The amounts of nearly every body (<c>1234.50</c>: digits and at most one point, no sign or blanks, at most 18 digits), read
    /// straight into a decimal with the scale as written, as <see cref="decimal.TryParse(string, NumberStyles, IFormatProvider, out decimal)"/>
    /// reads them (<c>150.00</c> keeps scale 2, which rules read). Anything else is left to it: the general parser was most of
    /// the mapping's number cost (≈ 75 amounts per invoice, issue 17).
    /// </summary>
    internal static bool TryPlainDecimal(ReadOnlySpan<char> text, out decimal value)
    {
        value = 0m;
        ulong digits = 0;
        var count = 0;
        var scale = -1;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                if (++count > MaxPlainDigits)
                {
                    return false;
                }

                digits = (digits * 10) + (uint)(c - '0');
                scale += scale >= 0 ? 1 : 0;
            }
            else if (c == '.' && scale < 0)
            {
                scale = 0;
            }
            else
            {
                return false;
            }
        }

        if (count == 0)
        {
            return false;
        }

        value = new decimal((int)(uint)digits, (int)(uint)(digits >> 32), 0, isNegative: false, (byte)Math.Max(scale, 0));
        return true;
    }

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
