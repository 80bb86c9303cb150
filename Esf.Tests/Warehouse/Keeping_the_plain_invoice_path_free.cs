using Esf.Infrastructure.Registration;
using Esf.Infrastructure.Warehouse;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Warehouse;

/// <summary>Issue 13 item 5: invoices that name no warehouse line cost the worker no query of the ledger.</summary>
[TestFixture]
public sealed class Keeping_the_plain_invoice_path_free
{
    [Test]
    public async Task Should_answer_a_batch_naming_no_warehouse_line_without_touching_the_database()
    {
        // Arrange: a connection never opened (any command on it would throw), and registered plain invoices.
        await using var connection = new NpgsqlConnection("Host=127.0.0.1;Port=1");
        List<InvoiceVerdict> verdicts = [new(1, null, true, []), new(2, null, true, [])];
        var goods = WarehouseGateway.Fixture.Get<InvoiceGoods>();

        // Act
        var result = await VerdictGoods.MoveAsync(connection, null!, goods, verdicts, new Dictionary<long, string>(), CancellationToken.None);

        // Assert
        Assert.That(result, Is.SameAs(verdicts), "the verdicts pass through untouched");
    }
}
