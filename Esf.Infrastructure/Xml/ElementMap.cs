using System.Xml;

namespace Esf.Infrastructure.Xml;

/// <summary>
/// How one element of a document format (an invoice, a seller, a waybill line…) becomes its model object, read straight from the
/// body's reader (<see cref="BodyCursor"/>): each unqualified child element a map knows sets one property; unknown children, and
/// a repeat of a child already read, are skipped (the XSD reports them). A value that is not of its type reads as null (the XSD
/// reports that too). Built once per format; reading allocates only the model and its values.
/// </summary>
/// <typeparam name="T">The model object; an absent child leaves its property as the constructor made it.</typeparam>
internal sealed class ElementMap<T>
    where T : new()
{
    // The seen children of one element are a bit mask: the first of a name wins, as XElement.Element(name) found the first.
    private const int MaxChildren = 64;

    private readonly Dictionary<string, (ulong Bit, Action<BodyCursor, T> Read)> children = new(StringComparer.Ordinal);

    public ElementMap<T> Text(string name, Action<T, string> set) => Add(name, (cursor, target) => set(target, cursor.ReadValue()));

    public ElementMap<T> Decimal(string name, Action<T, decimal?> set) =>
        Add(name, (cursor, target) => set(target, XmlValues.ToDecimal(cursor.ReadValue())));

    public ElementMap<T> Int(string name, Action<T, int?> set) => Add(name, (cursor, target) => set(target, XmlValues.ToInt(cursor.ReadValue())));

    public ElementMap<T> Bool(string name, Action<T, bool?> set) => Add(name, (cursor, target) => set(target, XmlValues.ToBool(cursor.ReadValue())));

    /// <summary>A child element that is an object of its own (e.g. <c>relatedInvoice</c>).</summary>
    public ElementMap<T> Object<TChild>(string name, ElementMap<TChild> map, Action<T, TChild> set)
        where TChild : new() => Add(name, (cursor, target) => set(target, map.Read(cursor)));

    /// <summary>
    /// A wrapper of repeated objects (e.g. <c>sellers/seller</c>); absent, the property keeps its default. The items are
    /// unqualified but in a container (<c>invoiceSet/v2:invoice</c>).
    /// </summary>
    public ElementMap<T> List<TItem>(string wrapper, string item, ElementMap<TItem> map, Action<T, List<TItem>> set, string itemNamespace = "")
        where TItem : new()
    {
        Func<BodyCursor, TItem> read = map.Read;
        return Add(wrapper, (cursor, target) => set(target, cursor.ReadItems(item, itemNamespace, read)));
    }

    /// <summary>A wrapper of repeated values (e.g. <c>statuses/status</c>).</summary>
    public ElementMap<T> Texts(string wrapper, string item, Action<T, List<string>> set)
    {
        Func<BodyCursor, string> read = static cursor => cursor.ReadValue();
        return Add(wrapper, (cursor, target) => set(target, cursor.ReadItems(item, "", read)));
    }

    /// <summary>The element the cursor stands on (its start), read to its end.</summary>
    public T Read(BodyCursor cursor)
    {
        var target = new T();
        var seen = 0UL;
        var depth = cursor.Enter();
        while (cursor.NextChild(depth))
        {
            if (cursor.NamespaceUri.Length == 0 && children.TryGetValue(cursor.LocalName, out var child) && (seen & child.Bit) == 0)
            {
                seen |= child.Bit;
                child.Read(cursor, target);
            }
            else
            {
                cursor.Skip();
            }
        }

        return target;
    }

    /// <summary>
    /// A whole body, not validated, read as <c>XElement.Load</c> reads one: the root element, whatever its name, and what follows
    /// it up to the next content (a second root is an <see cref="XmlException"/>).
    /// </summary>
    /// <exception cref="XmlException">The body is not well-formed XML.</exception>
    public T Parse(string xml)
    {
        using var reader = XmlReader.Create(new StringReader(xml), SafeXml.ReaderSettings());
        if (reader.MoveToContent() != XmlNodeType.Element)
        {
            throw new XmlException("Root element is missing.");
        }

        var model = Read(new BodyCursor(reader));
        reader.Read();
        reader.MoveToContent();
        return model;
    }

    private ElementMap<T> Add(string name, Action<BodyCursor, T> read)
    {
        if (children.Count == MaxChildren)
        {
            throw new InvalidOperationException($"A map reads at most {MaxChildren} children; {typeof(T).Name} needs another way.");
        }

        children.Add(name, (1UL << children.Count, read));
        return this;
    }
}
