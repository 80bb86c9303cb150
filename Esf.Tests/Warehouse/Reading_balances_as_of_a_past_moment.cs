using Dapper;
using Esf.Domain.Invoices;
using Esf.Infrastructure.Warehouse;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Warehouse;

/// <summary>Issue 13, done-when: a balance as of any past moment is exact, also through sales and their returns.</summary>
[TestFixture]
public sealed class Reading_balances_as_of_a_past_moment
{
    [Test]
    public async Task Should_answer_at_every_past_movement_the_sum_of_the_movements_up_to_it()
    {
        // Arrange: a receipt of 100, two sales (12 and 30), the first revoked.
        using var sale = await WarehouseInvoices.StartAsync(stock: 100m);
        var (first, _) = await sale.RegisterAsync(sale.Item(sale.Sale(12m)));
        await sale.RegisterAsync(sale.Item(sale.Sale(30m)));
        await sale.Parties.ChangeAsync(sale.Parties.SellerSession, LifecycleOperation.Revoke, first);
        await using var connection = await WarehouseGateway.Fixture.Get<NpgsqlDataSource>().OpenConnectionAsync();
        var movements = (await connection.QueryAsync<(DateTime At, decimal Quantity)>(
            "SELECT occurred_at, quantity FROM warehouse_movements WHERE goods_id = @Id ORDER BY occurred_at", new { Id = sale.GoodsId })).ToList();
        var balances = WarehouseGateway.Fixture.Get<WarehouseBalances>();

        // Act
        var asOf = new List<decimal>();
        foreach (var movement in movements)
        {
            var lines = await balances.ListAsync(HeadSessions.Of(sale.SellerTin), sale.SellerWarehouse, new DateTimeOffset(movement.At, TimeSpan.Zero), CancellationToken.None);
            asOf.Add(lines.SingleOrDefault(l => l.GoodsId == sale.GoodsId)?.Quantity ?? 0m);
        }

        var before = await balances.ListAsync(HeadSessions.Of(sale.SellerTin), sale.SellerWarehouse, new DateTimeOffset(movements[0].At, TimeSpan.Zero).AddTicks(-10),
            CancellationToken.None);

        // Assert
        var running = movements.Select((m, i) => movements.Take(i + 1).Sum(x => x.Quantity)).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(movements.Select(m => m.Quantity), Is.EqualTo(new[] { 100m, -12m, -30m, 12m }));
            Assert.That(asOf, Is.EqualTo(running), "each past balance is the sum up to that moment: 100, 88, 58, 70");
            Assert.That(before, Is.Empty, "nothing before the receipt");
            Assert.That(await WarehouseInvoices.BalanceAsync(sale.GoodsId), Is.EqualTo(70m));
        }
    }
}
