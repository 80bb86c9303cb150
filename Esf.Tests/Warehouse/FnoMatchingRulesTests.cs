using Esf.Domain.Rules;
using Esf.Domain.Warehouse;
using Esf.Domain.Waybills;
using Esf.Tests.Rules;
using NUnit.Framework;

namespace Esf.Tests.Warehouse;

/// <summary>
/// The rules of «сопоставление первичной импортной СНТ с ФНО 328.00» (VS-30 … VS-36), each passing and failing, on the sample
/// waybill made a primary import one: its only line of origin «2» is 8/1 (ТН ВЭД 2402209000, unit 5111, 500 units).
/// </summary>
[TestFixture]
public sealed class FnoMatchingRulesTests
{
    private const string Fno = "123456789012345678";

    private static readonly FnoMatchLine Cigarettes = new(8, 1, Fno, 1);

    [Test]
    public void Should_accept_every_imported_line_matched_with_the_importers_position_of_the_same_goods()
    {
        Assert.That(Check(lines: [Cigarettes]), Is.Empty);
    }

    [TestCase(null, WaybillStatus.NotViewed, TestName = "A domestic waybill is not matched")]
    [TestCase("TEMPORARY_IMPORT", WaybillStatus.NotViewed, TestName = "A temporary-import waybill is not matched")]
    [TestCase("IMPORT", WaybillStatus.Failed, TestName = "A failed import waybill is not matched")]
    [TestCase("IMPORT", WaybillStatus.Revoked, TestName = "A revoked import waybill is not matched")]
    public void Should_refuse_anything_but_a_registered_primary_import_waybill_with_VS_30(string? importType, WaybillStatus status)
    {
        Assert.That(Ids(Check(importType: importType, status: status, lines: [Cigarettes])), Is.EqualTo(new[] { "VS-30" }));
    }

    [Test]
    public void Should_refuse_a_corrected_import_waybill_with_VS_30()
    {
        Assert.That(Ids(Check(type: WaybillTypeNames.Corrected, lines: [Cigarettes])), Is.EqualTo(new[] { "VS-30" }));
    }

    [Test]
    public void Should_refuse_a_waybill_matched_before_with_VS_31()
    {
        Assert.That(Ids(Check(alreadyMatched: true, lines: [Cigarettes])), Is.EqualTo(new[] { "VS-31" }));
    }

    [Test]
    public void Should_refuse_leaving_an_imported_line_unmatched_with_VS_32()
    {
        var violation = Check(lines: []).Single();
        Assert.That(violation.RuleId, Is.EqualTo("VS-32"));
        Assert.That(violation.Message, Is.EqualTo(WaybillWarehouseRules.EveryImportedLineMatched.MessageRu + ": 8/1"));
    }

    [Test]
    public void Should_refuse_a_line_not_of_origin_1_or_2_or_named_twice_with_VS_33()
    {
        Assert.That(Ids(Check(lines: [new FnoMatchLine(1, 1, Fno, 1), Cigarettes])), Is.EqualTo(new[] { "VS-33" }), "origin 5");
        Assert.That(Ids(Check(lines: [Cigarettes, Cigarettes])), Is.EqualTo(new[] { "VS-33" }), "twice");
        Assert.That(Ids(Check(lines: [new FnoMatchLine(9, 9, Fno, 1), Cigarettes])), Is.EqualTo(new[] { "VS-33" }), "no such line");
    }

    [Test]
    public void Should_refuse_a_position_the_importer_has_not_declared_with_VS_34()
    {
        Assert.That(Ids(Check(lines: [Cigarettes with { FnoPosition = 2 }])), Is.EqualTo(new[] { "VS-34" }));
    }

    [TestCase("2402201000", "5111", TestName = "Another ТН ВЭД code")]
    [TestCase("2402209000", "796", TestName = "Another unit")]
    public void Should_refuse_a_position_of_other_goods_with_VS_35(string tnved, string unit)
    {
        Assert.That(Ids(Check(position: Position() with { TnvedCode = tnved, Unit = unit }, lines: [Cigarettes])), Is.EqualTo(new[] { "VS-35" }));
    }

    [Test]
    public void Should_refuse_more_than_the_position_has_left_after_earlier_matchings_with_VS_36()
    {
        Assert.That(Check(position: Position() with { Quantity = 700m, Matched = 200m }, lines: [Cigarettes]), Is.Empty, "exactly what is left");
        Assert.That(Ids(Check(position: Position() with { Quantity = 700m, Matched = 201m }, lines: [Cigarettes])), Is.EqualTo(new[] { "VS-36" }));
    }

    private static FnoPositionFacts Position() => new(Fno, 1, "2402209000", "5111", 500m, 0m);

    private static IReadOnlyList<RuleViolation> Check(IReadOnlyList<FnoMatchLine> lines, string? importType = "IMPORT", string type = WaybillTypeNames.Primary,
        WaybillStatus status = WaybillStatus.NotViewed, bool alreadyMatched = false, FnoPositionFacts? position = null)
    {
        var body = ValidWaybill.Create();
        (body.ImportType, body.Type) = (importType, type);
        var facts = position ?? Position();
        return FnoMatching.Check(new WaybillDocument(body), status, alreadyMatched, lines,
            new Dictionary<(string, int), FnoPositionFacts> { [(facts.Number, facts.Position)] = facts });
    }

    private static IEnumerable<string> Ids(IEnumerable<RuleViolation> violations) => violations.Select(v => v.RuleId);
}
