using NUnit.Framework;

namespace Esf.Tests.Warehouse;

/// <summary>
/// A measurement, not a check of behaviour (run it by name): the worker's goods step (<c>VerdictGoods</c>) for a verdict batch of
/// 100 sales of one goods line, per invoice: round trips (do not depend on load), wall time in the step (client and PostgreSQL
/// together; noisy on a shared machine, so the median of several rounds) and bytes allocated; then the plans PostgreSQL ran for one
/// more batch, with their times. Each round is rolled back.
/// </summary>
[TestFixture]
[Explicit("a measurement: run it by name")]
[Category("Performance")]
public sealed class Measuring_the_warehouse_verdict_cost
{
    private const int Batch = 100;
    private const int Rounds = 7;

    [Test]
    public async Task Should_report_the_cost_per_invoice_of_moving_a_batch_of_sales()
    {
        using var sale = await WarehouseInvoices.StartAsync(stock: 1_000_000m);
        await SaleBatchRun.RunAsync(sale, Batch);
        var runs = new List<(int RoundTrips, TimeSpan Elapsed, long Allocated, IReadOnlyList<string> Plans)>();
        for (var round = 0; round < Rounds; round++)
        {
            runs.Add(await SaleBatchRun.RunAsync(sale, Batch));
        }

        var median = runs.OrderBy(r => r.Elapsed).ElementAt(Rounds / 2);
        TestContext.Out.WriteLine($"goods step of a batch of {Batch} sales (median of {Rounds}): {median.RoundTrips} round trips per batch, "
            + $"{median.RoundTrips / (double)Batch:F2} per invoice; {median.Elapsed.TotalMicroseconds / Batch:F0} µs per invoice; "
            + $"{runs.Select(r => r.Allocated).Order().ElementAt(Rounds / 2) / 1024.0 / Batch:F1} KiB allocated per invoice");
        foreach (var plan in (await SaleBatchRun.RunAsync(sale, Batch, explain: true)).Plans)
        {
            TestContext.Out.WriteLine(plan);
        }

        Assert.That(runs.Select(r => r.RoundTrips).Distinct().Count(), Is.EqualTo(1), "the same work every round");
    }
}
