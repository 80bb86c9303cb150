using System.Text.Json;
using Esf.Bench;
using Esf.Infrastructure.Signatures;
using Esf.Infrastructure.Xml;
using NUnit.Framework;

namespace Esf.Tests.Bench;

/// <summary>The bench's waybill scenario: what it sends is a waybill the gateway accepts, over REST only.</summary>
[TestFixture]
public sealed class WaybillScenarioTests
{
    private static readonly Sender Sender = InvoiceFactory.CreateSenders(1)[0];

    [Test]
    public void CreateSigned_WhenTwoWaybills_GivesValidSntV1BodiesWithTenLinesSignedByTheSender()
    {
        var scenario = new WaybillScenario();

        var waybills = scenario.CreateSigned([Sender], 2, firstNum: 1);

        Assert.That(waybills.Select(w => w.Num), Is.EqualTo(new[] { "1", "2" }));
        foreach (var waybill in waybills)
        {
            var read = WaybillBodyReader.Read(waybill.Body);
            Assert.That(read.IsValid, Is.True, string.Join("; ", read.Violations.Select(v => $"{v.RuleId} {v.Property} {v.Message}")));
            Assert.That((read.Document!.SellerTin, read.Document.CustomerTin, read.Document.Body.ProductSet.Products.Count),
                Is.EqualTo((Sender.SellerTin, Sender.CustomerTin, 10)));
            Assert.That(InvoiceSignatureVerifier.Verify(waybill.Body, waybill.Signature, Sender.Certificate), Is.True);
        }
    }

    [Test]
    public void RestUpload_WhenABatch_PostsTheWaybillsToTheSntEndpoint()
    {
        var scenario = new WaybillScenario();
        var waybills = scenario.CreateSigned([Sender], 2, firstNum: 1);

        var upload = scenario.RestUpload(Sender, waybills);

        using var json = JsonDocument.Parse(upload.Body);
        Assert.That(upload.Path, Is.EqualTo("api/v1/snt"));
        Assert.That(json.RootElement.GetProperty("waybills").EnumerateArray().Select(w => w.GetProperty("version").GetString()),
            Is.EqualTo(new[] { "SntV1", "SntV1" }));
    }

    [Test]
    public void SoapUpload_WhenAsked_SaysWaybillsRunOverRestOnly()
    {
        Assert.That(() => new WaybillScenario().SoapUpload(Sender, "session", []),
            Throws.InvalidOperationException.With.Message.Contains("REST only"));
    }
}
