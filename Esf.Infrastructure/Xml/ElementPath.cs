namespace Esf.Infrastructure.Xml;

/// <summary>
/// Tracks where a streaming reader is in a document, as a property path the sender recognises
/// (e.g. <c>productSet.products.product[3].ndsAmount</c>): repeated elements carry a zero-based index.
/// </summary>
/// <param name="repeatedElements">The names of the format's repeated elements (e.g. <c>product</c>).</param>
internal sealed class ElementPath(IReadOnlySet<string> repeatedElements)
{
    // Only repeated children are counted, and a frame's counts exist only once it has one: a body has hundreds of elements
    // and a dictionary for each was the largest allocation of the upload path (found with dotnet-trace under the bench).
    private readonly List<Frame> frames = [];

    public int Depth => frames.Count;

    public void Enter(string name)
    {
        var segment = name;
        if (frames.Count > 0 && repeatedElements.Contains(name))
        {
            var counts = frames[^1].RepeatedChildCounts ??= new Dictionary<string, int>(StringComparer.Ordinal);
            var index = counts.GetValueOrDefault(name);
            counts[name] = index + 1;
            segment = $"{name}[{index}]";
        }

        frames.Add(new Frame(segment));
    }

    public void Leave() => frames.RemoveAt(frames.Count - 1);

    /// <summary>The path below the root element (the root itself is implied).</summary>
    public override string ToString() => string.Join('.', frames.Skip(1).Select(f => f.Name));

    private sealed class Frame(string name)
    {
        public string Name { get; } = name;

        public Dictionary<string, int>? RepeatedChildCounts { get; set; }
    }
}
