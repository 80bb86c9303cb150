using System.Text.Json;
using Dapper;
using Esf.Tests.Infrastructure;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Rest;

/// <summary>
/// A-02 that helps (issue 16, ADR 0020): an invoice refused as a duplicate number and date names the registered original, so
/// a client that lost the answer to its first upload finds the registration number instead of sending a third copy.
/// </summary>
[TestFixture]
public sealed class Answering_a_duplicate_with_its_original
{
    [Test]
    public async Task Should_name_the_registered_original_in_the_status_and_the_invoice()
    {
        using var client = await RestClient.LogInAsync();
        var (original, duplicate) = await UploadTwiceAsync(client);

        var status = await client.WaitUntilProcessedAsync(duplicate);
        using var invoiceResponse = await client.Http.GetAsync($"api/v1/invoices/{duplicate}");
        var invoice = await RestClient.ReadJsonAsync(invoiceResponse);

        var expected = (original.GetProperty("id").GetInt64(), original.GetProperty("registrationNumber").GetString());
        Assert.That(DuplicateOf(status), Is.EqualTo(expected), status.ToString());
        Assert.That(DuplicateOf(invoice), Is.EqualTo(expected), invoice.ToString());
        Assert.That(original.GetProperty("duplicateOf").ValueKind, Is.EqualTo(JsonValueKind.Null), "the original is no duplicate");
    }

    [Test]
    public async Task Should_not_reveal_an_original_the_reader_cannot_see()
    {
        using var seller = await RestClient.LogInAsync();
        using var attorney = await RestClient.LogInAsync();
        var (_, duplicate) = await UploadTwiceAsync(seller);
        await using (var connection = await RestGateway.Fixture.Get<NpgsqlDataSource>().OpenConnectionAsync())
        {
            // As if another enterprise had sent the duplicate for the seller: it sees the duplicate, never the seller's original.
            await connection.ExecuteAsync("UPDATE invoices SET sender_tin = @Tin WHERE invoice_id = @Id",
                new { Tin = attorney.Tenant.SellerTin, Id = duplicate });
        }

        using var response = await attorney.Http.GetAsync($"api/v1/invoices/{duplicate}/status");
        var status = await RestClient.ReadJsonAsync(response);

        Assert.That(status.GetProperty("status").GetString(), Is.EqualTo("FAILED"), status.ToString());
        Assert.That(status.GetProperty("duplicateOf").ValueKind, Is.EqualTo(JsonValueKind.Null), status.ToString());
    }

    /// <summary>Uploads one invoice until CREATED, then the same number and date again: answers the original's status and the copy's id.</summary>
    private static async Task<(JsonElement Original, long Duplicate)> UploadTwiceAsync(RestClient client)
    {
        var num = TestTenant.UniqueNum();
        var first = (await client.UploadAcceptedAsync(TestInvoices.Build(client.Tenant, num))).Single();
        var original = await client.WaitUntilProcessedAsync(first);
        Assert.That(original.GetProperty("status").GetString(), Is.EqualTo("CREATED"), original.ToString());
        var duplicate = (await client.UploadAcceptedAsync(TestInvoices.Build(client.Tenant, num))).Single();
        Assert.That((await client.WaitUntilProcessedAsync(duplicate)).GetProperty("status").GetString(), Is.EqualTo("FAILED"));
        return (original, duplicate);
    }

    private static (long, string?) DuplicateOf(JsonElement invoice)
    {
        var original = invoice.GetProperty("duplicateOf");
        return (original.GetProperty("id").GetInt64(), original.GetProperty("registrationNumber").GetString());
    }
}
