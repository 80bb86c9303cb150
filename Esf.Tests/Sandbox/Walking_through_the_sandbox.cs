using System.Security.Cryptography.X509Certificates;
using System.Net;
using System.Net.Http.Json;
using Dapper;
using Esf.Infrastructure.Signatures;
using Esf.Tests.Infrastructure;
using Esf.Tests.Rest;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Sandbox;

/// <summary>
/// The walk of docs/sandbox.md end to end, with the sandbox API only: a world of two enterprises, their heads and RSA keys;
/// an invoice signed and registered; the decline window crossed with the clock; a failure on demand; and a reset.
/// </summary>
[TestFixture]
public sealed class Walking_through_the_sandbox
{
    [Test]
    public async Task Should_register_cross_the_decline_window_fail_on_demand_and_reset()
    {
        using var sandbox = new SandboxClient();
        var world = await sandbox.CreateWorldAsync();
        using var seller = await world.Seller.SessionAsync();
        using var customer = await world.Customer.SessionAsync();

        var created = await SandboxInvoices.UploadAndWaitAsync(seller, world);
        var id = created.GetProperty("id").GetInt64();
        await using (var connection = await SandboxGateway.Fixture.Get<NpgsqlDataSource>().OpenConnectionAsync())
        {
            // Only corrected and additional invoices can be declined.
            await connection.ExecuteAsync("UPDATE invoices SET invoice_type = 'FIXED_INVOICE' WHERE invoice_id = @Id", new { Id = id });
        }

        using var clock = await sandbox.Http.PutAsJsonAsync("api/v1/sandbox/clock", new { tin = world.Customer.Tin, days = 11 });
        using var late = await SandboxInvoices.DeclineAsync(customer, world.Customer, id);
        using var fault = await sandbox.PostAsync("faults", new { kind = "FAIL_NEXT_INVOICES", tin = world.Seller.Tin, count = 1, ruleId = "UPL-02" });
        var failed = await SandboxInvoices.UploadAndWaitAsync(seller, world);
        var reset = await RestClient.ReadJsonAsync(await sandbox.PostAsync("reset", new { tin = world.Seller.Tin }));
        using var gone = await seller.GetAsync($"api/v1/invoices/{id}/status");

        Assert.That(created.GetProperty("status").GetString(), Is.EqualTo("CREATED"), created.ToString());
        Assert.That(clock.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await ProblemAssertions.AssertProblemAsync(late, HttpStatusCode.UnprocessableEntity)).GetProperty("errorCode").GetString(),
            Is.EqualTo("WRONG_DATE"));
        Assert.That(fault.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((failed.GetProperty("status").GetString(), failed.GetProperty("errors")[0].GetProperty("ruleId").GetString()),
            Is.EqualTo(("FAILED", "UPL-02")), failed.ToString());
        Assert.That(reset.GetProperty("removedInvoices").GetInt64(), Is.EqualTo(2));
        await ProblemAssertions.AssertProblemAsync(gone, HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Should_leave_other_enterprises_documents_when_resetting()
    {
        using var sandbox = new SandboxClient();
        var (first, second) = (await sandbox.CreateWorldAsync(), await sandbox.CreateWorldAsync());
        using var other = await second.Seller.SessionAsync();
        var kept = (await SandboxInvoices.UploadAndWaitAsync(other, second)).GetProperty("id").GetInt64();

        using var reset = await sandbox.PostAsync("reset", new { tin = first.Seller.Tin });
        using var status = await other.GetAsync($"api/v1/invoices/{kept}/status");

        Assert.That(reset.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(status.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Should_remove_the_enterprises_waybills_with_their_history_when_resetting()
    {
        using var sandbox = new SandboxClient();
        var world = await sandbox.CreateWorldAsync();
        using var seller = await world.Seller.SessionAsync();
        var body = TestWaybills.Build(world.Seller.Tin, world.Customer.Tin);
        using var key = world.Seller.SignCertificate.GetRSAPrivateKey()!;
        using var uploaded = await seller.PostAsJsonAsync("api/v1/snt", new
        {
            certificate = CertificateFactory.ToBase64(world.Seller.SignCertificate),
            waybills = new[] { new { body, version = "SntV1", signature = InvoiceSignatureVerifier.Sign(body, key), signatureType = "COMPANY" } },
        });
        var id = (await RestClient.ReadJsonAsync(uploaded)).GetProperty("accepted")[0].GetProperty("id").GetInt64();
        await Poller.UntilAsync(() => seller.GetStringAsync($"api/v1/snt/{id}/status"),
            status => status.Contains("\"NOT_VIEWED\"", StringComparison.Ordinal), $"waybill {id} to be registered");

        using var reset = await sandbox.PostAsync("reset", new { tin = world.Seller.Tin });
        using var gone = await seller.GetAsync($"api/v1/snt/{id}");

        var answer = await RestClient.ReadJsonAsync(reset);
        Assert.That(reset.StatusCode, Is.EqualTo(HttpStatusCode.OK), answer.ToString());
        Assert.That(answer.GetProperty("removedWaybills").GetInt64(), Is.EqualTo(1));
        await ProblemAssertions.AssertProblemAsync(gone, HttpStatusCode.NotFound);
    }
}
