using Dapper;
using Esf.Tests.Infrastructure;
using Esf.Tests.Pipeline;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Registry;

/// <summary>
/// An invoice issued on a waybill names it in section F (32.1, a 42-digit number): the worker stores that number with its
/// verdict (<c>invoices.waybill_number</c>), so the invoices of a waybill are found by index, for R004 and the waybill's effects.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class Finding_the_invoices_of_a_waybill
{
    /// <summary>A 42-digit waybill number of <paramref name="sellerTin"/> (its composition, WaybillRegistrationNumber), unique per test.</summary>
    internal static string WaybillNumber(string sellerTin) =>
        sellerTin + "20261201" + TestTenant.UniqueTin() + TestTenant.UniqueTin()[..10];

    /// <summary>The test invoice with section F naming <paramref name="deliveryDocNum"/>.</summary>
    internal static string OnWaybill(TestTenant tenant, string deliveryDocNum) => TestInvoices.Build(tenant).Replace(
        "</customers>", $"</customers>\n  <deliveryDocDate>01.12.2026</deliveryDocDate>\n  <deliveryDocNum>{deliveryDocNum}</deliveryDocNum>",
        StringComparison.Ordinal);

    [Test]
    public async Task Should_store_the_waybill_number_of_section_F_with_the_verdict()
    {
        var driver = await PipelineDriver.StartAsync(RegistryGateway.Fixture);
        var number = WaybillNumber(driver.Tenant.SellerTin);
        var upload = await driver.UploadAsync(driver.Item(OnWaybill(driver.Tenant, $" {number} ")), driver.Item(OnWaybill(driver.Tenant, "ТТН-15")));
        var onWaybill = await driver.FinishedAsync(upload.Accepted[0].InvoiceId!.Value);
        var other = await driver.FinishedAsync(upload.Accepted[1].InvoiceId!.Value);

        await using var connection = await RegistryGateway.Fixture.Get<NpgsqlDataSource>().OpenConnectionAsync();
        var found = await connection.QueryAsync<long>("SELECT invoice_id FROM invoices WHERE waybill_number = @Number", new { Number = number });
        var otherNumber = await connection.QuerySingleAsync<string?>(
            "SELECT waybill_number FROM invoices WHERE invoice_id = @Id", new { Id = other.InvoiceId });

        Assert.That(found, Is.EqualTo(new[] { onWaybill.InvoiceId }));
        Assert.That(otherNumber, Is.Null, "32.1 that is not a 42-digit number names no waybill");
    }
}
