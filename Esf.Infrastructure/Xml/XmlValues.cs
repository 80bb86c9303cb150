using System.Globalization;
using System.Xml.Linq;

namespace Esf.Infrastructure.Xml;

/// <summary>Reads the unqualified child values of an invoice element; a value that is not of its type reads as null (the XSD reports it).</summary>
internal static class XmlValues
{
    private const NumberStyles DecimalStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite
        | NumberStyles.AllowTrailingWhite;

    public static string? Text(this XElement parent, string name) => parent.Element(name)?.Value;

    public static decimal? Decimal(this XElement parent, string name) =>
        parent.Text(name) is { } text && decimal.TryParse(text, DecimalStyle, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static int? Int(this XElement parent, string name) =>
        parent.Text(name) is { } text && int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value : null;

    public static bool? Bool(this XElement parent, string name) => parent.Text(name)?.Trim() switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => null,
    };

    /// <summary>The items of a wrapper element (e.g. <c>sellers/seller</c>); null when the wrapper is absent.</summary>
    public static List<T>? List<T>(this XElement parent, string wrapper, string item, Func<XElement, T> read) =>
        parent.Element(wrapper) is { } list ? list.Elements(item).Select(read).ToList() : null;

    public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
}
