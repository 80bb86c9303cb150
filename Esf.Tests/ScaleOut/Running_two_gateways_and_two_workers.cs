using System.Globalization;
using Esf.Tests.Infrastructure.Processes;
using NUnit.Framework;

namespace Esf.Tests.ScaleOut;

/// <summary>
/// §4: two gateway processes and two worker processes against one RabbitMQ and one PostgreSQL register every invoice
/// exactly once. The throughput of 2 + 2 and of 1 + 1 is printed and written to .esf/test/results/scale-out.txt, never
/// asserted (timings depend on the machine).
/// </summary>
[TestFixture]
[Category("ScaleOut")]
[NonParallelizable]
public sealed class Running_two_gateways_and_two_workers
{
    private const int BatchSize = 50;
    private const int Clients = 8;

    private static int Invoices =>
        int.TryParse(Environment.GetEnvironmentVariable("ESF_SCALEOUT_INVOICES"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : 4_000;

    [Test]
    public async Task Should_register_every_invoice_exactly_once_across_two_gateways_and_two_workers()
    {
        await using var stack = await PrivateStack.StartAsync("scaleout");
        var report = new RunReport("scale-out");
        report.Add($"{Invoices} invoices per run, uploads of {BatchSize}, {Clients} clients at full speed, {Environment.ProcessorCount} cores");

        var single = await MeasureAsync(new Topology(stack, 1, 1), report);
        var pair = await MeasureAsync(new Topology(stack, 2, 2), report);
        report.Add($"2 + 2 ÷ 1 + 1 registered/s: {pair / single:0.00}");
        await report.SaveAsync();
    }

    private static async Task<double> MeasureAsync(Topology topology, RunReport report)
    {
        var (load, counts, endToEnd) = await topology.MeasureAsync(Invoices, BatchSize, Clients);
        var registeredPerSecond = counts.Created / endToEnd.TotalSeconds;
        report.Add($"{topology}: accepted {load.AcceptedIds.Count / load.Elapsed.TotalSeconds:0} invoices/s, "
            + $"registered {registeredPerSecond:0} invoices/s end to end ({endToEnd.TotalSeconds:0.0} s); {counts}");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(load.AcceptedIds, Has.Count.EqualTo(Invoices).And.Unique, topology.ToString());
            Assert.That(counts.Stored, Is.EqualTo(Invoices), topology.ToString());
            Assert.That(counts.Created, Is.EqualTo(Invoices), $"{topology}: every valid invoice registered");
            Assert.That(counts.NotFinishedOnce, Is.Zero, $"{topology}: one CREATED/FAILED history row per invoice");
            Assert.That(counts.DuplicateNumbers, Is.Zero, $"{topology}: registration numbers unique");
            Assert.That(counts.HistoryGaps, Is.Zero, $"{topology}: every history is gap-free");
        }

        return registeredPerSecond;
    }
}
