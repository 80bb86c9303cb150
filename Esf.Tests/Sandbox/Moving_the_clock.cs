using System.Net;
using System.Net.Http.Json;
using Dapper;
using Esf.Tests.Infrastructure;
using Esf.Tests.Rest;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Sandbox;

/// <summary>PUT /api/v1/sandbox/clock: one enterprise's world moves in time; the decline window is crossed in a second.</summary>
[TestFixture]
public sealed class Moving_the_clock
{
    [Test]
    public async Task Should_refuse_a_decline_after_eleven_days_in_the_customers_world_only()
    {
        using var sandbox = new SandboxClient();
        var world = await sandbox.CreateWorldAsync();
        using var seller = await world.Seller.SessionAsync();
        using var customer = await world.Customer.SessionAsync();
        var id = (await SandboxInvoices.UploadAndWaitAsync(seller, world)).GetProperty("id").GetInt64();
        await MakeCorrectedAsync(id);

        using var moved = await sandbox.Http.PutAsJsonAsync("api/v1/sandbox/clock", new { tin = world.Customer.Tin, days = 11 });
        using var late = await SandboxInvoices.DeclineAsync(customer, world.Customer, id);
        using var back = await sandbox.Http.PutAsJsonAsync("api/v1/sandbox/clock", new { tin = world.Customer.Tin, days = 0 });
        using var inTime = await SandboxInvoices.DeclineAsync(customer, world.Customer, id);

        var clock = await RestClient.ReadJsonAsync(moved);
        Assert.That(clock.GetProperty("offsetSeconds").GetDouble(), Is.EqualTo(11 * 86400));
        Assert.That(clock.GetProperty("now").GetDateTimeOffset(), Is.GreaterThan(DateTimeOffset.UtcNow.AddDays(10)));
        var problem = await ProblemAssertions.AssertProblemAsync(late, HttpStatusCode.UnprocessableEntity);
        Assert.That(problem.GetProperty("errorCode").GetString(), Is.EqualTo("WRONG_DATE"));
        Assert.That(back.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(inTime.StatusCode, Is.EqualTo(HttpStatusCode.OK), await inTime.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Should_annul_the_invoice_of_a_declined_waybill_as_soon_as_the_sellers_world_passes_three_working_days()
    {
        using var sandbox = new SandboxClient();
        var world = await sandbox.CreateWorldAsync();
        using var seller = await world.Seller.SessionAsync();
        using var customer = await world.Customer.SessionAsync();
        var waybill = await SandboxWaybills.RegisterAsync(seller, world);
        var invoice = await SandboxWaybills.IssueInvoiceAsync(seller, world, waybill);
        var id = invoice.GetProperty("id").GetInt64();

        using var declined = await SandboxWaybills.ChangeAsync(customer, world.Customer, waybill, "decline", "товар не получен");
        var inTheWindow = await SandboxInvoices.WaitUntilAsync(seller, id, "CREATED");
        using var moved = await sandbox.Http.PutAsJsonAsync("api/v1/sandbox/clock", new { tin = world.Seller.Tin, days = 10 });
        // The effect runner passes every 30 seconds; a moved clock wakes it, so the annulment comes well within that.
        var annulled = await SandboxInvoices.WaitUntilAsync(seller, id, TimeSpan.FromSeconds(15), "CANCELED_BY_SNT_DECLINE");

        Assert.That(invoice.GetProperty("status").GetString(), Is.EqualTo("CREATED"), invoice.ToString());
        Assert.That(declined.StatusCode, Is.EqualTo(HttpStatusCode.OK), await declined.Content.ReadAsStringAsync());
        Assert.That(inTheWindow.GetProperty("status").GetString(), Is.EqualTo("CREATED"), "3 working days have not passed in the seller's world");
        Assert.That(moved.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(annulled.GetProperty("status").GetString(), Is.EqualTo("CANCELED_BY_SNT_DECLINE"));
    }

    [Test]
    public async Task Should_let_the_seller_issue_an_additional_invoice_up_to_fifteen_days_after_the_adjustment_and_decline_it_after()
    {
        using var sandbox = new SandboxClient();
        var world = await sandbox.CreateWorldAsync();
        using var seller = await world.Seller.SessionAsync();
        var (num, today) = (TestTenant.UniqueNum(), DateOnly.FromDateTime(DateTime.UtcNow.AddHours(5)));
        var original = await SandboxInvoices.UploadAndWaitAsync(seller, world, num);
        // Adjusted today (field 3, turnover date); issued on a later day of the seller's world (field 2).
        string Additional(int daysLater) => TestInvoices.Linked(
            SandboxInvoices.Body(world).Replace($"<date>{TestInvoices.Today}</date>", $"<date>{Text(today.AddDays(daysLater))}</date>", StringComparison.Ordinal),
            "ADDITIONAL_INVOICE", num, TestInvoices.Today);

        using var moved = await sandbox.Http.PutAsJsonAsync("api/v1/sandbox/clock", new { tin = world.Seller.Tin, days = 16 });
        var inTime = await SandboxInvoices.WaitUntilProcessedAsync(seller, await SandboxInvoices.UploadAsync(seller, world.Seller.Signing, Additional(15)));
        var lateBody = Additional(16);
        using var lateResponse = await seller.PostAsJsonAsync("api/v1/invoices", new
        {
            certificate = world.Seller.Signing.CertificateBase64,
            invoices = new[] { new { body = lateBody, version = "InvoiceV2", signature = world.Seller.Sign(lateBody), signatureType = "COMPANY" } },
        });
        var late = await RestClient.ReadJsonAsync(lateResponse);

        Assert.That(original.GetProperty("status").GetString(), Is.EqualTo("CREATED"), original.ToString());
        Assert.That(moved.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(inTime.GetProperty("status").GetString(), Is.EqualTo("CREATED"), "day 15 after the adjustment, today in the seller's world: " + inTime);
        Assert.That(late.GetProperty("declined").GetArrayLength(), Is.EqualTo(1), "DL-09 is an upload check: " + late);
        Assert.That(late.GetProperty("declined")[0].GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("ruleId").GetString()),
            Does.Contain("DL-09"), late.ToString());
    }

    private static string Text(DateOnly day) => day.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);

    [Test]
    public async Task Should_refuse_an_offset_beyond_ten_years()
    {
        using var sandbox = new SandboxClient();

        using var response = await sandbox.Http.PutAsJsonAsync("api/v1/sandbox/clock", new { days = 5000 });

        await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    /// <summary>Only corrected and additional invoices can be declined; the pipeline's sample is an ordinary one.</summary>
    private static async Task MakeCorrectedAsync(long id)
    {
        await using var connection = await SandboxGateway.Fixture.Get<NpgsqlDataSource>().OpenConnectionAsync();
        await connection.ExecuteAsync("UPDATE invoices SET invoice_type = 'FIXED_INVOICE' WHERE invoice_id = @Id", new { Id = id });
    }
}
