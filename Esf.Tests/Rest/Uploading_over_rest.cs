using System.Net;
using System.Text.Json;
using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Rest;

[TestFixture]
public sealed class Uploading_over_rest
{
    private const string DuplicateMessage = "Счет-фактура с таким номером и датой уже существуют, пожалуйста укажите другой номер";

    [Test]
    public async Task Should_queue_the_invoice_and_register_it_with_a_registration_number()
    {
        // Arrange
        using var client = await RestClient.LogInAsync();
        var body = TestInvoices.Build(client.Tenant);

        // Act
        using var response = await client.UploadAsync(client.UploadBody(body));
        var upload = await RestClient.ReadJsonAsync(response);

        // Assert
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), upload.ToString());
        var accepted = upload.GetProperty("accepted").EnumerateArray().Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(upload.GetProperty("uploadId").GetInt64(), Is.Positive);
            Assert.That(upload.GetProperty("declined").GetArrayLength(), Is.Zero);
            Assert.That(accepted.GetProperty("index").GetInt32(), Is.Zero);
            Assert.That(accepted.GetProperty("date").GetString(), Is.EqualTo(DateTime.UtcNow.AddHours(5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), "ISO, like every JSON date (ADR 0006)");
        }

        var id = accepted.GetProperty("id").GetInt64();
        var status = await client.WaitUntilProcessedAsync(id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(status.GetProperty("status").GetString(), Is.EqualTo("CREATED"), status.ToString());
            Assert.That(status.GetProperty("registrationNumber").GetString(), Does.Match(@"^ESF-\d{12}-\d{8}-\d{8}$"));
            Assert.That(status.GetProperty("errors").GetArrayLength(), Is.Zero);
        }
    }

    [Test]
    public async Task Should_answer_the_registered_invoice_with_its_body_as_signed_and_its_history()
    {
        // Arrange
        using var client = await RestClient.LogInAsync();
        var body = TestInvoices.Build(client.Tenant);
        var id = (await client.UploadAcceptedAsync(body)).Single();
        await client.WaitUntilProcessedAsync(id);

        // Act
        using var invoiceResponse = await client.Http.GetAsync($"api/v1/invoices/{id}");
        using var historyResponse = await client.Http.GetAsync($"api/v1/invoices/{id}/history");

        // Assert
        var invoice = await RestClient.ReadJsonAsync(invoiceResponse);
        var history = await RestClient.ReadJsonAsync(historyResponse);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(invoiceResponse.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(invoice.GetProperty("id").GetInt64(), Is.EqualTo(id));
            Assert.That(invoice.GetProperty("status").GetString(), Is.EqualTo("CREATED"));
            Assert.That(invoice.GetProperty("body").GetString(), Is.EqualTo(body));
            Assert.That(invoice.GetProperty("sellerTin").GetString(), Is.EqualTo(client.Tenant.SellerTin));
            Assert.That(invoice.GetProperty("customerTin").GetString(), Is.EqualTo(client.Tenant.CustomerTin));
            Assert.That(invoice.GetProperty("signature").GetString(), Is.EqualTo(client.Tenant.Sign(body)));
            Assert.That(invoice.GetProperty("version").GetString(), Is.EqualTo("InvoiceV2"));
            Assert.That(historyResponse.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(
                history.EnumerateArray().Select(h => h.GetProperty("status").GetString()), Does.Contain("IN_QUEUE").And.Contain("CREATED"));
        }
    }

    [Test]
    public async Task Should_decline_malformed_xml_with_its_rule()
    {
        // Arrange
        using var client = await RestClient.LogInAsync();

        // Act
        using var response = await client.UploadAsync(client.UploadBody("<v2:invoice xmlns:v2=\"v2.esf\"><num>1</num>"));

        // Assert
        var declined = await SingleDeclinedAsync(response);
        Assert.That(RuleIds(declined), Does.Contain("API-01"));
    }

    [Test]
    public async Task Should_decline_a_schema_error_with_its_rule_and_property()
    {
        // Arrange
        using var client = await RestClient.LogInAsync();
        var body = TestInvoices.Build(client.Tenant)
            .Replace("<currencyCode>KZT</currencyCode>", "<currencyCode>KZT</currencyCode><bogus/>");

        // Act
        using var response = await client.UploadAsync(client.UploadBody(body));

        // Assert
        var declined = await SingleDeclinedAsync(response);
        var error = declined.GetProperty("errors").EnumerateArray().First();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.GetProperty("ruleId").GetString(), Is.EqualTo("GEN-11"));
            Assert.That(error.GetProperty("errorCode").GetString(), Is.EqualTo("FIELD_INVALID"));
            Assert.That(error.GetProperty("property").GetString(), Is.Not.Empty);
            Assert.That(error.GetProperty("message").GetString(), Is.Not.Empty);
        }
    }

    [Test]
    public async Task Should_fail_a_second_invoice_with_the_same_number_and_date_with_rule_A_02()
    {
        // Arrange
        using var client = await RestClient.LogInAsync();
        var num = TestTenant.UniqueNum();
        var first = (await client.UploadAcceptedAsync(TestInvoices.Build(client.Tenant, num))).Single();
        Assert.That((await client.WaitUntilProcessedAsync(first)).GetProperty("status").GetString(), Is.EqualTo("CREATED"));

        // Act
        var second = (await client.UploadAcceptedAsync(TestInvoices.Build(client.Tenant, num))).Single();
        var status = await client.WaitUntilProcessedAsync(second);

        // Assert
        var error = status.GetProperty("errors").EnumerateArray().Single(e => e.GetProperty("ruleId").GetString() == "A-02");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(status.GetProperty("status").GetString(), Is.EqualTo("FAILED"));
            Assert.That(status.GetProperty("registrationNumber").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(error.GetProperty("message").GetString(), Is.EqualTo(DuplicateMessage));
        }

        using var invoiceResponse = await client.Http.GetAsync($"api/v1/invoices/{second}");
        var invoice = await RestClient.ReadJsonAsync(invoiceResponse);
        Assert.That(RuleIds(invoice), Does.Contain("A-02"), "the full invoice carries the errors of a FAILED invoice too");
    }

    [Test]
    public async Task Should_answer_each_invoice_of_a_mixed_batch_at_its_index()
    {
        // Arrange
        using var client = await RestClient.LogInAsync();
        var good = TestInvoices.Build(client.Tenant);
        var malformed = "<not-closed>";
        var alsoGood = TestInvoices.Build(client.Tenant);

        // Act
        using var response = await client.UploadAsync(client.UploadBody(good, malformed, alsoGood));

        // Assert
        var upload = await RestClient.ReadJsonAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), upload.ToString());
        var accepted = upload.GetProperty("accepted").EnumerateArray().ToList();
        var declined = upload.GetProperty("declined").EnumerateArray().ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(accepted.Select(a => a.GetProperty("index").GetInt32()), Is.EqualTo(new[] { 0, 2 }));
            Assert.That(declined.Select(d => d.GetProperty("index").GetInt32()), Is.EqualTo(new[] { 1 }));
            Assert.That(RuleIds(declined[0]), Does.Contain("API-01"));
        }

        foreach (var id in accepted.Select(a => a.GetProperty("id").GetInt64()))
        {
            Assert.That((await client.WaitUntilProcessedAsync(id)).GetProperty("status").GetString(), Is.EqualTo("CREATED"));
        }
    }

    [Test]
    public async Task Should_refuse_an_upload_without_invoices_with_a_400_problem()
    {
        // Arrange
        using var client = await RestClient.LogInAsync();

        // Act
        using var response = await client.UploadAsync(client.UploadBody());

        // Assert
        var problem = await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("invoices"));
    }

    private static async Task<JsonElement> SingleDeclinedAsync(HttpResponseMessage response)
    {
        var upload = await RestClient.ReadJsonAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), upload.ToString());
        Assert.That(upload.GetProperty("accepted").GetArrayLength(), Is.Zero, upload.ToString());
        return upload.GetProperty("declined").EnumerateArray().Single();
    }

    private static IEnumerable<string?> RuleIds(JsonElement withErrors) =>
        withErrors.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("ruleId").GetString());
}
