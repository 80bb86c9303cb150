using System.Diagnostics;
using Esf.Domain.Warehouse;
using Esf.Infrastructure.Registration;
using Esf.Infrastructure.Warehouse;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Warehouse;

/// <summary>
/// The worker's goods step (<see cref="VerdictGoods"/>) run directly on a batch of sales of the seller's goods line, in a
/// transaction rolled back afterwards, with what it cost: round trips, time and bytes allocated, and (when <c>explain</c>) the
/// plans PostgreSQL ran with their times (auto_explain, sent back as notices).
/// </summary>
internal static class SaleBatchRun
{
    public static async Task<(int RoundTrips, TimeSpan Elapsed, long Allocated, IReadOnlyList<string> Plans)> RunAsync(
        WarehouseInvoices sale, int count, decimal quantity = 1m, bool explain = false)
    {
        var goods = WarehouseGateway.Fixture.Get<InvoiceGoods>();
        await using var connection = await WarehouseGateway.Fixture.Get<NpgsqlDataSource>().OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        // Invoice ids of nobody's invoices: the movements name them, and the transaction is rolled back.
        var ids = Enumerable.Range(1, count).Select(i => long.MaxValue / 2 + i).ToList();
        List<InvoiceVerdict> verdicts = [.. ids.Select(id => new InvoiceVerdict(id, StoredInvoiceReader.Read(sale.Sale(quantity)).Document, true, []))];
        var lines = ids.ToDictionary(id => id, _ => (IReadOnlyList<WarehouseLineRef>)[new WarehouseLineRef(1, sale.SellerWarehouse, sale.GoodsId)]);

        var plans = new List<string>();
        if (explain)
        {
            connection.Notice += (_, e) => plans.Add(e.Notice.MessageText);
            await using var command = new NpgsqlCommand("""
                LOAD 'auto_explain'; SET LOCAL auto_explain.log_min_duration = 0; SET LOCAL auto_explain.log_analyze = on;
                SET LOCAL auto_explain.log_buffers = on; SET LOCAL auto_explain.log_level = notice
                """, connection, transaction);
            await command.ExecuteNonQueryAsync();
        }

        List<InvoiceVerdict> result;
        int roundTrips;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        using (var counter = new NpgsqlRoundTrips())
        {
            result = await VerdictGoods.MoveAsync(connection, transaction, goods, verdicts, lines, CancellationToken.None);
            roundTrips = counter.Count;
        }

        var elapsed = clock.Elapsed;
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        Assert.That(result.Select(v => v.Passed), Is.All.True, string.Join("; ", result.SelectMany(v => v.Violations).Select(v => v.Message)));
        await transaction.RollbackAsync();
        return (roundTrips, elapsed, allocated, plans);
    }
}
