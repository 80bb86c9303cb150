using System.Net;
using Esf.Infrastructure;
using Esf.Infrastructure.Invoices;
using Esf.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Rest;

[TestFixture]
public sealed class Repeating_an_upload_with_an_idempotency_key
{
    [Test]
    public async Task Should_answer_the_first_result_again_and_store_the_invoices_once()
    {
        // Arrange
        using var client = await RestClient.LogInAsync();
        var upload = client.UploadBody(TestInvoices.Build(client.Tenant), TestInvoices.Build(client.Tenant));
        var key = Guid.NewGuid().ToString();

        // Act
        using var first = await client.UploadAsync(upload, key);
        using var repeat = await client.UploadAsync(upload, key);

        // Assert
        var firstBody = await first.Content.ReadAsStringAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), firstBody);
            Assert.That(repeat.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(await repeat.Content.ReadAsStringAsync(), Is.EqualTo(firstBody));
            Assert.That(await StoredInvoicesAsync(client.Tenant.SellerTin), Is.EqualTo(2));
        }
    }

    [Test]
    public async Task Should_answer_409_problem_when_the_key_is_reused_for_another_request()
    {
        // Arrange
        using var client = await RestClient.LogInAsync();
        var key = Guid.NewGuid().ToString();
        using var first = await client.UploadAsync(client.UploadBody(TestInvoices.Build(client.Tenant)), key);
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));

        // Act
        using var other = await client.UploadAsync(client.UploadBody(TestInvoices.Build(client.Tenant)), key);

        // Assert
        var problem = await ProblemAssertions.AssertProblemAsync(other, HttpStatusCode.Conflict);
        Assert.That(problem.GetProperty("errorCode").GetString(), Is.EqualTo("IDEMPOTENCY_KEY_REUSED"));
        Assert.That(await StoredInvoicesAsync(client.Tenant.SellerTin), Is.EqualTo(1));
    }

    [Test]
    public async Task Should_answer_400_problem_when_the_key_is_longer_than_its_column()
    {
        // Arrange
        using var client = await RestClient.LogInAsync();

        // Act
        using var response = await client.UploadAsync(client.UploadBody(TestInvoices.Build(client.Tenant)), new string('k', 201));

        // Assert
        var problem = await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("Idempotency-Key"));
        Assert.That(await StoredInvoicesAsync(client.Tenant.SellerTin), Is.Zero);
    }

    [TestCase("api/v1/snt")]
    [TestCase("api/v1/warehouse-forms/signed")]
    public async Task Should_refuse_a_key_longer_than_its_column_on_every_upload_with_the_invoice_uploads_problem(string path)
    {
        // Arrange: a waybill and a signed form, each a well-formed upload, so only the key is wrong.
        using var client = await RestClient.LogInAsync();
        var tin = client.Tenant.SellerTin;
        var body = path == "api/v1/snt"
            ? TestWaybills.UploadBody(client.Tenant, TestWaybills.Build(tin, tin))
            : new { certificate = client.Tenant.CertificateBase64, forms = new[] { new { body = "{}", version = "VsFormV1", signature = client.Tenant.Sign("{}"), signatureType = "COMPANY" } } };
        var key = new string('k', IdempotencyKeys.MaxLength + 1);
        using var invoices = await client.UploadAsync(client.UploadBody(TestInvoices.Build(client.Tenant)), key);
        var invoiceProblem = await ProblemAssertions.AssertProblemAsync(invoices, HttpStatusCode.BadRequest);

        // Act
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = System.Net.Http.Json.JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        using var response = await client.Http.SendAsync(request);

        // Assert
        var problem = await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That((problem.GetProperty("errorCode").GetString(), problem.GetProperty("detail").GetString()),
            Is.EqualTo((invoiceProblem.GetProperty("errorCode").GetString(), invoiceProblem.GetProperty("detail").GetString())));
    }

    [Test]
    public async Task Should_forget_a_key_once_its_retention_has_passed_and_it_was_swept()
    {
        // Arrange
        using var client = await RestClient.LogInAsync();
        var key = Guid.NewGuid().ToString();
        using var first = await client.UploadAsync(client.UploadBody(TestInvoices.Build(client.Tenant)), key);
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        var retention = TimeSpan.FromHours(RestGateway.Fixture.Get<IOptions<QuotaOptions>>().Value.IdempotencyKeyRetentionHours);
        var later = new ControlledClock(DateTimeOffset.UtcNow + retention + TimeSpan.FromMinutes(1));
        var sweeper = ActivatorUtilities.CreateInstance<IdempotencyKeySweeper>(RestGateway.Fixture.Services, later);

        // Act
        var swept = await sweeper.SweepAsync(CancellationToken.None);
        using var reused = await client.UploadAsync(client.UploadBody(TestInvoices.Build(client.Tenant)), key);

        // Assert
        Assert.That(swept, Is.GreaterThanOrEqualTo(1));
        Assert.That(reused.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), "an expired key is a new key, not a reuse (409)");
        Assert.That(await StoredInvoicesAsync(client.Tenant.SellerTin), Is.EqualTo(2));
    }

    private static async Task<long> StoredInvoicesAsync(string sellerTin)
    {
        await using var connection = new NpgsqlConnection(TestServices.RequirePostgres());
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM invoices WHERE seller_tin = @tin", connection);
        count.Parameters.AddWithValue("tin", sellerTin);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
