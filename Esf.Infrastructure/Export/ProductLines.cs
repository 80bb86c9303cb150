using System.Xml;
using System.Xml.Linq;
using Esf.Infrastructure.Xml;

namespace Esf.Infrastructure.Export;

/// <summary>The product lines of a body (productSet/products/product, section G) as field maps, with the invoice's currency.</summary>
internal static class ProductLines
{
    public static readonly string[] Fields =
    [
        "description", "catalogTruId", "truOriginCode", "unitNomenclature", "quantity", "unitPrice", "priceWithoutTax", "exciseRate",
        "exciseAmount", "turnoverSize", "ndsRate", "ndsAmount", "priceWithTax",
    ];

    public static (string? Currency, IReadOnlyList<IReadOnlyDictionary<string, string>> Lines) Read(string body)
    {
        // Through the one safe reader, as everywhere else: stored bodies carry no DTD, and one that did is refused here too.
        using var reader = XmlReader.Create(new StringReader(body), SafeXml.ReaderSettings());
        var root = XElement.Load(reader);
        var productSet = root.Element("productSet");
        var lines = productSet?.Element("products")?.Elements("product")
            .Select(p => (IReadOnlyDictionary<string, string>)p.Elements().GroupBy(e => e.Name.LocalName).ToDictionary(g => g.Key, g => g.First().Value))
            .ToList() ?? [];
        return (productSet?.Element("currencyCode")?.Value, lines);
    }
}
