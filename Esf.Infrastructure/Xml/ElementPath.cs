namespace Esf.Infrastructure.Xml;

/// <summary>
/// Tracks where a streaming reader is in a document, as a property path the sender recognises
/// (e.g. <c>productSet.products.product[3].ndsAmount</c>): repeated elements carry a zero-based index.
/// </summary>
/// <param name="repeatedElements">The names of the format's repeated elements (e.g. <c>product</c>).</param>
internal sealed class ElementPath(IReadOnlySet<string> repeatedElements)
{
    // One frame per depth, reused by every element at that depth, and the path is formatted only when an error asks for it: a
    // body has hundreds of elements, and an object, a counting dictionary or an indexed name for each was the largest
    // allocation of the upload path once the element tree was gone (issue 17; the dictionaries were found with dotnet-trace).
    private readonly List<Frame> frames = [];

    // How many elements are open: the frames beyond it are kept for reuse. Nobody outside needs it (the readers know their own depth).
    private int depth;

    public void Enter(string name)
    {
        var index = -1;
        if (depth > 0 && repeatedElements.Contains(name))
        {
            var counts = frames[depth - 1].RepeatedChildCounts ??= new Dictionary<string, int>(StringComparer.Ordinal);
            index = counts.GetValueOrDefault(name);
            counts[name] = index + 1;
        }

        if (depth == frames.Count)
        {
            frames.Add(new Frame());
        }

        frames[depth].Start(name, index);
        depth++;
    }

    public void Leave() => depth--;

    /// <summary>The path below the root element (the root itself is implied).</summary>
    public override string ToString() => string.Join('.', frames.Take(depth).Skip(1).Select(f => f.Segment));

    private sealed class Frame
    {
        private string name = "";
        private int index;

        public string Segment => index < 0 ? name : $"{name}[{index}]";

        /// <summary>The counts of this element's repeated children; kept, emptied, for the next element at this depth.</summary>
        public Dictionary<string, int>? RepeatedChildCounts { get; set; }

        public void Start(string elementName, int repeatedIndex)
        {
            name = elementName;
            index = repeatedIndex;
            RepeatedChildCounts?.Clear();
        }
    }
}
