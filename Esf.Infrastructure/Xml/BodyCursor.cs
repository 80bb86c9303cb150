using System.Text;
using System.Xml;

namespace Esf.Infrastructure.Xml;

/// <summary>
/// The one forward pass over a body that the element maps (<see cref="ElementMap{T}"/>) read the model from, with no element tree
/// in between (issue 17). Every node goes through <see cref="Read"/>, so a validating reader validates all of it, including what
/// no map reads, and the path of each schema error is the element the reader stands in.
/// </summary>
internal sealed class BodyCursor
{
    private readonly XmlReader reader;
    private readonly ElementPath? path;
    private readonly int maxDepth;
    private readonly bool keepsWhitespace;

    // The current node's type and depth, asked of the reader once per node: a validating reader answers each through the reader
    // it wraps, and the maps ask them several times per node (hundreds of nodes per body, issue 17).
    private XmlNodeType nodeType;
    private int depth;

    /// <param name="reader">The body's reader.</param>
    /// <param name="path">Tracks where the reader is, for the validating reader's errors; null when nobody asks.</param>
    /// <param name="maxDepth">Deeper elements stop the pass (<see cref="TooDeep"/>): hostile nesting, not a document.</param>
    /// <param name="keepsWhitespace">
    /// Whether a value keeps whitespace the reader calls insignificant. The plain reader (as <c>XElement.Load</c>) keeps it; a
    /// validating reader keeps only what it reports as significant, as the tree it replaces did: whitespace in a text node of its
    /// own (a value of blanks, blanks beside a comment) is dropped there.
    /// </param>
    public BodyCursor(XmlReader reader, ElementPath? path = null, int maxDepth = int.MaxValue, bool keepsWhitespace = true)
    {
        this.reader = reader;
        this.path = path;
        this.maxDepth = maxDepth;
        this.keepsWhitespace = keepsWhitespace;
        nodeType = reader.NodeType;
        depth = reader.Depth;
    }

    /// <summary>An element nested deeper than the limit was met; reading stopped there.</summary>
    public bool TooDeep { get; private set; }

    public XmlNodeType NodeType => nodeType;

    public string LocalName => reader.LocalName;

    public string NamespaceUri => reader.NamespaceURI;

    /// <summary>The next node; false at the end of the body or once an element nests too deep.</summary>
    public bool Read()
    {
        if (TooDeep)
        {
            return false;
        }

        var read = reader.Read();
        nodeType = reader.NodeType;
        depth = reader.Depth;
        if (!read)
        {
            return false;
        }

        switch (nodeType)
        {
            case XmlNodeType.Element when depth > maxDepth:
                TooDeep = true;
                return false;
            case XmlNodeType.Element:
                path?.Enter(reader.LocalName);
                if (reader.IsEmptyElement)
                {
                    path?.Leave();
                }

                break;
            case XmlNodeType.EndElement:
                path?.Leave();
                break;
        }

        return true;
    }

    /// <summary>
    /// On an element's start: the depth to pass to <see cref="NextChild"/>, or -1 when the element is empty (it has no children).
    /// </summary>
    public int Enter() => reader.IsEmptyElement ? -1 : depth;

    /// <summary>
    /// To the next child element of the element entered at <paramref name="depth"/> (<see cref="Enter"/>); false after its end.
    /// The caller reads each child to its end (a map, <see cref="ReadValue"/> or <see cref="Skip"/>) before asking for the next.
    /// </summary>
    public bool NextChild(int depth)
    {
        if (depth < 0)
        {
            return false;
        }

        while (Read())
        {
            switch (nodeType)
            {
                case XmlNodeType.Element when this.depth == depth + 1:
                    return true;
                case XmlNodeType.EndElement when this.depth == depth:
                    return false;
            }
        }

        return false;
    }

    /// <summary>
    /// On an element's start: its text, read to its end. As <c>XElement.Value</c>: all the text inside, of child elements too,
    /// CDATA included, comments left out; an empty element is "".
    /// </summary>
    public string ReadValue()
    {
        var start = Enter();
        var value = "";
        // Nearly always one text node: its string is the value, no copy. More pieces (text, CDATA, text between comments) are
        // joined once: concatenating each to the value copied everything before it, quadratic in the number of pieces.
        StringBuilder? pieces = null;
        while (start >= 0 && Read())
        {
            switch (nodeType)
            {
                case XmlNodeType.EndElement when depth == start:
                    return pieces?.ToString() ?? value;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace:
                case XmlNodeType.Whitespace when keepsWhitespace:
                    if (pieces is null && value.Length == 0)
                    {
                        value = reader.Value;
                    }
                    else
                    {
                        (pieces ??= new StringBuilder(value)).Append(reader.Value);
                    }

                    break;
            }
        }

        return pieces?.ToString() ?? value;
    }

    /// <summary>On an element's start: reads past its end, mapping nothing (every node is still read, so still validated).</summary>
    public void Skip()
    {
        var start = Enter();
        while (start >= 0 && Read() && !(nodeType == XmlNodeType.EndElement && depth == start))
        {
        }
    }

    /// <summary>
    /// On a wrapper element's start (e.g. <c>sellers</c>): its <paramref name="item"/> children (in
    /// <paramref name="itemNamespace"/>), each read by <paramref name="read"/>, in order; other children are skipped.
    /// </summary>
    public List<T> ReadItems<T>(string item, string itemNamespace, Func<BodyCursor, T> read)
    {
        var items = new List<T>();
        var start = Enter();
        while (NextChild(start))
        {
            if (reader.LocalName == item && reader.NamespaceURI == itemNamespace)
            {
                items.Add(read(this));
            }
            else
            {
                Skip();
            }
        }

        return items;
    }
}
