namespace Esf.Infrastructure.Xml;

/// <summary>
/// Tracks where a streaming reader is in an invoice, as a property path the sender recognises
/// (e.g. <c>productSet.products.product[3].ndsAmount</c>): repeated elements carry a zero-based index.
/// </summary>
internal sealed class ElementPath
{
    private static readonly HashSet<string> RepeatedElements =
        ["seller", "customer", "product", "participant", "share", "status"];

    private readonly List<(string Name, Dictionary<string, int> ChildCounts)> frames = [];

    public int Depth => frames.Count;

    public void Enter(string name)
    {
        var segment = name;
        if (frames.Count > 0)
        {
            var counts = frames[^1].ChildCounts;
            var index = counts.GetValueOrDefault(name);
            counts[name] = index + 1;
            if (RepeatedElements.Contains(name))
            {
                segment = $"{name}[{index}]";
            }
        }

        frames.Add((segment, new Dictionary<string, int>(StringComparer.Ordinal)));
    }

    public void Leave() => frames.RemoveAt(frames.Count - 1);

    /// <summary>The path below the root element (the root itself is implied).</summary>
    public override string ToString() => string.Join('.', frames.Skip(1).Select(f => f.Name));

    /// <summary>The index of the element two levels below the root (e.g. 1 for <c>sellers.seller[1].tin</c>).</summary>
    public int IndexOfSecondLevel()
    {
        var segment = frames[2].Name;
        var bracket = segment.IndexOf('[');
        return bracket < 0 ? 0 : int.Parse(segment[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The path below the root without indexes, e.g. <c>sellers.seller.tin</c>.</summary>
    public string WithoutIndexes() => string.Join('.', frames.Skip(1).Select(f => Bare(f.Name)));

    private static string Bare(string segment)
    {
        var bracket = segment.IndexOf('[');
        return bracket < 0 ? segment : segment[..bracket];
    }
}
