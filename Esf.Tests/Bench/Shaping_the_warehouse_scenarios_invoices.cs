using Esf.Bench;
using Esf.Domain.Warehouse;
using Esf.Infrastructure.Xml;
using NUnit.Framework;

namespace Esf.Tests.Bench;

/// <summary>The bench's warehouse scenario sends valid invoices whose first line is the goods line's, as the Module fills it.</summary>
[TestFixture]
public sealed class Shaping_the_warehouse_scenarios_invoices
{
    [Test]
    public void Should_fill_the_first_line_with_the_goods_lines_columns_and_keep_the_body_valid()
    {
        // Arrange
        var senders = InvoiceFactory.CreateSenders(1);
        var goods = new GoodsLine("01.11.11.01", "1001110000", GoodsSourceKind.CustomsDeclaration, "12345/060316/9123456", 1, "Пшеница 2 сорт", "AR",
            null, 300m, "796");

        // Act
        var invoice = new WarehouseScenario().CreateSigned(senders, 1, 1).Single();

        // Assert
        var read = InvoiceBodyReader.Read(invoice.Body);
        Assert.That(read.IsValid, Is.True, string.Join("; ", read.Violations.Select(v => v.Message)));
        var products = read.Document!.Body.ProductSet.Products;
        Assert.That(InvoiceLineAgainstGoods.Check(products[0], 0, goods), Is.Empty, "the first line carries the goods line's columns");
        Assert.That(products.Skip(1).Select(p => p.TruOriginCode), Has.None.EqualTo("2"), "only the first line is drawn from the warehouse");
    }
}
