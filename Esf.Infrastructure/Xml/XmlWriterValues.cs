using System.Text;
using System.Xml;

namespace Esf.Infrastructure.Xml;

/// <summary>Writes unqualified document elements (invoices, waybills), skipping absent (null) values.</summary>
internal static class XmlWriterValues
{
    /// <summary>The text <paramref name="write"/> produces, without an XML declaration.</summary>
    public static string Render(Action<XmlWriter> write, bool indent)
    {
        var text = new StringBuilder();
        var settings = new XmlWriterSettings { OmitXmlDeclaration = true, Indent = indent, Encoding = Encoding.UTF8 };
        using (var writer = XmlWriter.Create(text, settings))
        {
            write(writer);
        }

        return text.ToString();
    }

    public static void Opt(this XmlWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteElementString(name, value);
        }
    }

    public static void Opt(this XmlWriter writer, string name, decimal? value) => writer.Opt(name, value is { } v ? XmlValues.Format(v) : null);

    public static void Opt(this XmlWriter writer, string name, int? value) => writer.Opt(name, value is { } v ? XmlValues.Format(v) : null);

    public static void Opt(this XmlWriter writer, string name, bool? value) => writer.Opt(name, value is { } v ? (v ? "true" : "false") : null);

    /// <summary>A wrapper with its items (e.g. <c>sellers/seller</c>); nothing when the list is null.</summary>
    public static void List<T>(this XmlWriter writer, string wrapper, string item, IEnumerable<T>? items, Action<XmlWriter, T> write)
    {
        if (items is null)
        {
            return;
        }

        writer.WriteStartElement(wrapper);
        foreach (var value in items)
        {
            writer.WriteStartElement(item);
            write(writer, value);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    public static void Block<T>(this XmlWriter writer, string name, T? value, Action<XmlWriter, T> write)
        where T : class
    {
        if (value is null)
        {
            return;
        }

        writer.WriteStartElement(name);
        write(writer, value);
        writer.WriteEndElement();
    }
}
