using System.Net;
using Esf.Tests.Infrastructure;
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

    private static async Task<long> StoredInvoicesAsync(string sellerTin)
    {
        await using var connection = new NpgsqlConnection(TestServices.RequirePostgres());
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM invoices WHERE seller_tin = @tin", connection);
        count.Parameters.AddWithValue("tin", sellerTin);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
