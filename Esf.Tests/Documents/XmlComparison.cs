using System.Xml.Linq;

namespace Esf.Tests.Documents;

/// <summary>Compares documents as trees: whitespace between elements (indentation) is not content.</summary>
internal static class XmlComparison
{
    public static XElement Normalized(XElement element)
    {
        var copy = new XElement(element);
        foreach (var text in copy.DescendantNodes().OfType<XText>().Where(t => string.IsNullOrWhiteSpace(t.Value) && t.Parent!.HasElements).ToList())
        {
            text.Remove();
        }

        return copy;
    }
}
