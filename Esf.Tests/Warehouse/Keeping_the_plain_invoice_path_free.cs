using Esf.Infrastructure.Registration;
using Esf.Infrastructure.Warehouse;
using Npgsql;
using Esf.Tests.Infrastructure;
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
        var result = await VerdictGoods.MoveAsync(connection, null!, goods, verdicts, new Dictionary<long, IReadOnlyList<Esf.Domain.Warehouse.WarehouseLineRef>>(), CancellationToken.None);

        // Assert
        Assert.That(result, Is.SameAs(verdicts), "the verdicts pass through untouched");
    }

    /// <summary>
    /// The later stages of a plain batch only read, so <see cref="BatchVerdicts"/> takes no savepoint for it (it took one for
    /// every batch: two round trips and a subtransaction on the plain path).
    /// </summary>
    [Test]
    public async Task Should_judge_a_batch_naming_no_warehouse_line_without_a_savepoint()
    {
        // Arrange: a connection never opened and no transaction (a savepoint would throw), two plain invoices.
        await using var connection = new NpgsqlConnection("Host=127.0.0.1;Port=1");
        var document = StoredInvoiceReader.Read(TestInvoices.Build("1", TestInvoices.Today, "123456789021", "123456789022")).Document;
        var signature = new Esf.Domain.Rules.SignatureCheck(true, "880101300123", "123456789021");
        CheckedInvoice[] invoices = [new(1, document, signature, null), new(2, document, signature, null)];
        var goods = WarehouseGateway.Fixture.Get<InvoiceGoods>();

        // Act
        var verdicts = await BatchVerdicts.JudgeAsync(connection, null!, invoices, () => Task.FromResult(new BatchRegistryView([], [])),
            new Dictionary<long, IReadOnlyList<Esf.Domain.Rules.RuleViolation>>(), goods, new Dictionary<long, IReadOnlyList<Esf.Domain.Warehouse.WarehouseLineRef>>(), CancellationToken.None);

        // Assert
        Assert.That(verdicts.Select(v => v.InvoiceId), Is.EqualTo(new long[] { 1, 2 }), "judged without touching the database");
    }
}
