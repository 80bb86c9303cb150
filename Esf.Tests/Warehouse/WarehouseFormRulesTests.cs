using System.Text.RegularExpressions;
using System.Xml.Linq;
using Esf.Domain.Rules;
using Esf.Domain.Warehouse;
using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Warehouse;

/// <summary>
/// The forms' own rules without a database: who may sign (VS-40, VS-50) per signer kind, the ДТ number of a receipt line (VS-51),
/// and every real errorCode of the forms and sources produced by a rule or noted with its reason.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed partial class WarehouseFormRulesTests
{
    private const string Sender = "123456789012";
    private const string Person = "990101300123";

    private static IEnumerable<TestCaseData> Signers()
    {
        yield return Case("the entity's own key", new SignatureCheck(true, Person, Sender), holdsSign: false, null);
        yield return Case("an entrepreneur's individual key", new SignatureCheck(true, Sender, null), holdsSign: false, null);
        yield return Case("a member holding SIGN, own key", new SignatureCheck(true, Person, null, SignatureCheck.Operator), holdsSign: true, null);
        yield return Case("a member holding SIGN, the sender's employee key",
            new SignatureCheck(true, Person, Sender, SignatureCheck.Operator, MaySignForEntity: false), holdsSign: true, null);
        yield return Case("a signature that does not verify", new SignatureCheck(false, Person, Sender), holdsSign: true, "VS-40");
        yield return Case("another entity's key", new SignatureCheck(true, Person, "999999999999"), holdsSign: false, "VS-50");
        yield return Case("an employee key as the company's", new SignatureCheck(true, Person, Sender, MaySignForEntity: false), holdsSign: true, "VS-50");
        yield return Case("a person's own key as the company's", new SignatureCheck(true, Person, null), holdsSign: true, "VS-50");
        yield return Case("a member without SIGN", new SignatureCheck(true, Person, null, SignatureCheck.Operator), holdsSign: false, "VS-50");
        yield return Case("another entity's employee key",
            new SignatureCheck(true, Person, "999999999999", SignatureCheck.Operator, MaySignForEntity: false), holdsSign: true, "VS-50");
        yield return Case("a key naming no person", new SignatureCheck(true, null, null, SignatureCheck.Operator), holdsSign: true, "VS-50");
    }

    private static TestCaseData Case(string name, SignatureCheck check, bool holdsSign, string? ruleId) =>
        new TestCaseData(check, holdsSign, ruleId).SetArgDisplayNames(name);

    [TestCaseSource(nameof(Signers))]
    public void JudgeSigner_PerSignerKind_AcceptsExactlyThoseWhoMaySign(SignatureCheck check, bool holdsSign, string? ruleId)
    {
        var violation = WarehouseFormRules.JudgeSigner(check, Sender, holdsSign);

        Assert.That(violation?.RuleId, Is.EqualTo(ruleId));
        if (violation is not null)
        {
            Assert.That(violation.ErrorCode, Is.EqualTo(ruleId == "VS-40" ? "SIGNATURE_VERIFICATION_FAILED" : "UFORM_SENDER_NOT_VALID"));
        }
    }

    [TestCase("12345/060316/9123456", GoodsSourceKind.CustomsDeclaration, null)]
    [TestCase("12345-060316-9123456", GoodsSourceKind.CustomsDeclaration, "GTD_NUMBER_INVALID")]
    [TestCase("1234/060316/9123456", GoodsSourceKind.CustomsDeclaration, "GTD_NUMBER_INVALID")]
    [TestCase("KZ 0012345", GoodsSourceKind.OriginCertificateKz, null)]
    public void CheckReceivedGoods_WhenTheLineNamesADeclaration_WantsItsNumberWellFormed(string number, GoodsSourceKind kind, string? errorCode)
    {
        var goods = WarehouseGoods.Wheat() with { SourceKind = kind, SourceNumber = number };

        var violation = WarehouseFormRules.CheckReceivedGoods(goods);

        Assert.That(violation?.ErrorCode, Is.EqualTo(errorCode));
        Assert.That(violation?.RuleId, Is.EqualTo(errorCode is null ? null : "VS-51"));
    }

    [Test]
    public void FormAndSourceErrorCodes_OfTheRealApi_AreEachProducedByARuleOrNoted()
    {
        var wsdl = XDocument.Load(Path.Combine(TestServices.RepositoryRoot, "contracts", "wsdl", "UploadInvoiceService.wsdl"));
        var codes = wsdl.Descendants().Where(e => e.Name.LocalName == "enumeration").Select(e => (string)e.Attribute("value")!).ToHashSet();
        var concerned = codes.Where(c => FormCode().IsMatch(c)).Concat(WarehouseFormCodeNotes.Neighbours).ToList();
        var accounted = RuleCatalogue.All.Select(r => r.ErrorCode).Concat(WarehouseFormCodeNotes.All.Select(n => n.Id)).ToHashSet();

        Assert.That(concerned, Has.Count.GreaterThan(40));
        Assert.That(concerned.Where(c => !accounted.Contains(c)), Is.Empty);
        Assert.That(WarehouseFormCodeNotes.All.Select(n => n.Id).Where(c => !codes.Contains(c)), Is.Empty, "every note names a real code");
        Assert.That(WarehouseFormCodeNotes.All.Select(n => n.Id).Intersect(RuleCatalogue.All.Select(r => r.ErrorCode)), Is.Empty,
            "a code a rule produces is not also noted");
    }

    [GeneratedRegex("^(UFORM_|GTD_|FNO_)")]
    private static partial Regex FormCode();
}
