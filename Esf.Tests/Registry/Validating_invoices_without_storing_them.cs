using System.Net;
using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Registry;

[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class Validating_invoices_without_storing_them
{
    [Test]
    public async Task Should_find_nothing_in_a_valid_signed_invoice()
    {
        using var client = await RegistryHttp.LogInAsync();
        var body = TestInvoices.Build(client.Tenant);

        var (status, result) = await client.PostAsync("api/v1/invoices/validate",
            new { invoiceBody = body, signature = client.Tenant.Sign(body), x509Certificate = client.Tenant.CertificateBase64 });

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), result.ToString());
        Assert.That(result.GetProperty("valid").GetBoolean(), Is.True, result.ToString());
        Assert.That(result.GetProperty("signatureChecked").GetBoolean(), Is.True);
        Assert.That(result.GetProperty("errors").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task Should_report_every_broken_rule_of_every_stage_at_once()
    {
        using var client = await RegistryHttp.LogInAsync();
        var body = TestInvoices.Build(client.Tenant)
            .Replace($"<tin>{client.Tenant.CustomerTin}</tin>", "<tin>999999999999</tin>", StringComparison.Ordinal)
            .Replace("<countryCode>KZ</countryCode>", "<countryCode>RU</countryCode>", StringComparison.Ordinal)
            .Replace("<totalNdsAmount>4464.72</totalNdsAmount>", "<totalNdsAmount>1.00</totalNdsAmount>", StringComparison.Ordinal)
            .Replace("<ndsAmount>1800.00</ndsAmount>", "<ndsAmount>1000.00</ndsAmount>", StringComparison.Ordinal);

        var (status, result) = await client.PostAsync("api/v1/invoices/validate", new { invoiceBody = body });

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), result.ToString());
        Assert.That(result.GetProperty("valid").GetBoolean(), Is.False);
        Assert.That(result.GetProperty("signatureChecked").GetBoolean(), Is.False);
        var ids = result.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("ruleId").GetString()).ToList();
        Assert.That(ids, Is.SupersetOf(new[] { "C-02", "C-09", "G-06", "G-43" }));
        Assert.That(ids, Does.Not.Contain("GEN-01"));
    }

    [Test]
    public async Task Should_refuse_a_request_without_a_body()
    {
        using var client = await RegistryHttp.LogInAsync();

        var (status, result) = await client.PostAsync("api/v1/invoices/validate", new { signature = "x" });

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(result.GetProperty("detail").GetString(), Does.Contain("invoiceBody"));
    }

    [Test]
    public async Task Should_list_every_rule_with_its_fields_and_legal_basis()
    {
        using var http = RegistryGateway.Fixture.CreateClient();

        using var response = await http.GetAsync("api/v1/rules");
        var catalogue = await RegistryHttp.ReadAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var rules = catalogue.GetProperty("rules").EnumerateArray().ToList();
        Assert.That(rules.Select(r => r.GetProperty("id").GetString()), Has.Member("G-06").And.Member("C-04").And.Member("REO-02"));
        var c04 = rules.Single(r => r.GetProperty("id").GetString() == "C-04");
        Assert.That(c04.GetProperty("errorCode").GetString(), Is.EqualTo("SELLER_BRANCH_NOT_BELONGS_TO_HEAD"));
        Assert.That(c04.GetProperty("fields").GetArrayLength(), Is.GreaterThan(0));
        Assert.That(c04.GetProperty("legalBasis").GetString(), Does.Contain("L847"));
        Assert.That(catalogue.GetProperty("notes").EnumerateArray().Select(n => n.GetProperty("id").GetString()), Has.Member("SNT-01"));
    }
}
