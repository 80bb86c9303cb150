using Esf.Bench;
using NUnit.Framework;

namespace Esf.Tests.Bench;

[TestFixture]
public sealed class BenchOptionsTests
{
    [Test]
    public void Parse_WhenNoOptions_RunsTheInvoiceScenarioThreeTimesAndWarmsUpUntilSettled()
    {
        var options = Options.Parse([]);

        Assert.That((options.Repeat, options.Scenario, options.WarmUpRounds, options.Invoices), Is.EqualTo((3, "invoice", (int?)null, 20_000)));
    }

    [Test]
    public void Parse_WhenTheOptionsOfBeforeIssue17_KeepsTheirMeaning()
    {
        var options = Options.Parse(["--quick", "--soap", "0.25", "--batch", "50", "--senders", "4", "--rate", "500", "--no-append", "--full"]);

        Assert.Multiple(() =>
        {
            Assert.That((options.Invoices, options.Batch, options.Senders, options.SoapSenders), Is.EqualTo((2_000, 50, 4, 1)));
            Assert.That((options.Rate, options.Append, options.Feed, options.HalfRateRun, options.ExportInvoices), Is.EqualTo((500.0, false, true, true, 1_000_000)));
            Assert.That(options.CalibrationSeconds, Is.EqualTo(1));
        });
    }

    [Test]
    public void Parse_WhenRepeatAndWarmUpRoundsGiven_TakesThem()
    {
        var options = Options.Parse(["--repeat", "5", "--warm-up-rounds", "0", "--scenario", "invoice"]);

        Assert.That((options.Repeat, options.WarmUpRounds, options.Scenario), Is.EqualTo((5, (int?)0, "invoice")));
    }

    [TestCase("receipt", "--scenario takes invoice")]
    public void Parse_WhenScenarioIsNotThere_SaysWhy(string scenario, string message)
    {
        Assert.That(() => Options.Parse(["--scenario", scenario]), Throws.ArgumentException.With.Message.Contains(message));
    }

    [TestCase("--scenario", "warehouse", "--soap")]
    [TestCase("--soap", "0.25", "--scenario", "warehouse")]
    [TestCase("--scenario", "waybill", "--soap")]
    public void Parse_WhenSoapWithARestOnlyScenario_IsRefusedBeforeAnythingRuns(params string[] args)
    {
        Assert.That(() => Options.Parse(args), Throws.ArgumentException.With.Message.Contains("REST only").And.Message.Contains("Drop --soap"));
    }

    [TestCase("warehouse")]
    [TestCase("waybill")]
    public void Parse_WhenARestOnlyScenarioHasNoSoapShare_TakesIt(string scenario)
    {
        var options = Options.Parse(["--scenario", scenario, "--soap", "0"]);

        Assert.That((options.Scenario, options.SoapSenders), Is.EqualTo((scenario, 0)));
    }

    [Test]
    public void Parse_WhenRepeatIsZero_IsRefused()
    {
        Assert.That(() => Options.Parse(["--repeat", "0"]), Throws.ArgumentException.With.Message.Contains("--repeat must be positive"));
    }

    [Test]
    public void ByName_WhenInvoice_IsTheInvoiceScenario()
    {
        Assert.That(Scenarios.ByName("invoice"), Is.InstanceOf<InvoiceScenario>());
    }

    [Test]
    public void ByName_WhenWarehouse_IsTheWarehouseScenario()
    {
        Assert.That(Scenarios.ByName(Options.Parse(["--scenario", "warehouse"]).Scenario), Is.InstanceOf<WarehouseScenario>());
    }

    [Test]
    public void ByName_WhenWaybill_IsTheWaybillScenario()
    {
        Assert.That(Scenarios.ByName(Options.Parse(["--scenario", "waybill"]).Scenario), Is.InstanceOf<WaybillScenario>());
    }
}
