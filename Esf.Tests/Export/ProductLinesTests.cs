using System.Xml;
using Esf.Infrastructure.Export;
using NUnit.Framework;

namespace Esf.Tests.Export;

/// <summary>The product lines the CSV export reads from stored bodies, through the one safe XML reader (security review L3).</summary>
[TestFixture]
public sealed class ProductLinesTests
{
    private const string Lines = "<productSet><currencyCode>KZT</currencyCode><products><product><description>&x;</description></product></products></productSet>";

    [Test]
    public void Read_WhenTheBodyCarriesADtd_RefusesIt()
    {
        var body = $"<!DOCTYPE invoice [<!ENTITY x \"expanded\">]><invoice>{Lines}</invoice>";

        Assert.That(() => ProductLines.Read(body), Throws.InstanceOf<XmlException>().With.Message.Contains("DTD"));
    }

    [Test]
    public void Read_WhenTheBodyIsPlain_ReadsTheCurrencyAndTheLines()
    {
        var (currency, lines) = ProductLines.Read($"<invoice>{Lines.Replace("&x;", "Товар", StringComparison.Ordinal)}</invoice>");

        Assert.That(currency, Is.EqualTo("KZT"));
        Assert.That(lines.Single()["description"], Is.EqualTo("Товар"));
    }
}
