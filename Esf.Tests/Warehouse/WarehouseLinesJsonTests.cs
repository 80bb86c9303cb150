using System.Text.Json;
using Esf.Domain.Warehouse;
using Esf.Infrastructure.Warehouse;
using NUnit.Framework;

namespace Esf.Tests.Warehouse;

/// <summary>
/// The stored form of an invoice's warehouse lines (<c>invoices.warehouse_lines</c>, <c>invoice_drafts.warehouse_lines</c>): written by
/// the gateway at upload and read by the worker for the verdict, each without the general serializer on the common form, and always
/// the same lines as <see cref="JsonSerializer"/> with the web defaults writes and reads them.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class WarehouseLinesJsonTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static readonly WarehouseLineRef[] Lines = [new(1, 17, 4_000_000_001), new(10, long.MaxValue, 0), new(3, 2, -5)];

    [Test]
    public void Should_write_the_lines_as_the_serializer_does()
    {
        Assert.That(WarehouseLinesJson.Write(Lines), Is.EqualTo(JsonSerializer.Serialize(Lines, Web)));
    }

    [Test]
    public void Should_write_no_lines_as_null()
    {
        Assert.Multiple(() =>
        {
            Assert.That(WarehouseLinesJson.Write(null), Is.Null);
            Assert.That(WarehouseLinesJson.Write([]), Is.Null);
        });
    }

    [Test]
    public void Should_read_back_what_it_wrote()
    {
        Assert.That(WarehouseLinesJson.Read(WarehouseLinesJson.Write(Lines)), Is.EqualTo(Lines));
    }

    /// <summary>PostgreSQL's text of a jsonb value: keys by length, then bytes; a space after each colon and comma.</summary>
    [Test]
    public void Should_read_the_jsonb_text_postgresql_answers()
    {
        const string stored = """[{"line": 1, "goodsId": 4000000001, "warehouseId": 17}, {"line": 10, "goodsId": 0, "warehouseId": 9223372036854775807}]""";

        Assert.That(WarehouseLinesJson.Read(stored), Is.EqualTo(new WarehouseLineRef[] { new(1, 17, 4_000_000_001), new(10, long.MaxValue, 0) }));
    }

    [TestCase("""[{"Line": 2, "WAREHOUSEID": 3, "goodsid": 4}]""", TestName = "names in another case")]
    [TestCase("""[{"line": "2", "warehouseId": "3", "goodsId": "4"}]""", TestName = "numbers as strings")]
    [TestCase("""[{"line": 2, "warehouseId": 3, "goodsId": 4, "note": {"a": [1]}}]""", TestName = "a property it does not know")]
    [TestCase("""[{"line": 2, "warehouseId": 3}]""", TestName = "a property missing")]
    [TestCase("""[{"line": 2, "warehouseId": 3, "goodsId": 4}, null]""", TestName = "a null line")]
    [TestCase("[]", TestName = "no lines")]
    public void Should_read_any_other_form_as_the_serializer_reads_it(string stored)
    {
        Assert.That(WarehouseLinesJson.Read(stored), Is.EqualTo(JsonSerializer.Deserialize<List<WarehouseLineRef>>(stored, Web)));
    }

    [Test]
    public void Should_refuse_what_is_no_list_of_lines_as_the_serializer_does()
    {
        Assert.Throws(Is.InstanceOf<JsonException>(), () => WarehouseLinesJson.Read("""{"line": 1}"""));
    }

    [Test]
    public void Should_read_null_as_no_lines()
    {
        Assert.That(WarehouseLinesJson.Read(null), Is.Empty);
    }
}
