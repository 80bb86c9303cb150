using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Dapper;
using Esf.Infrastructure.Registry;
using Esf.Infrastructure.Signatures;
using Npgsql;
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

    /// <summary>
    /// H1 and architecture review §5 change 2: the dry run runs exactly the worker's checks. Each case arranges what it needs,
    /// then one signed body goes through the dry run and through the worker; the rule ids must be the same (and the expected ones,
    /// so two empty answers do not pass for agreement).
    /// </summary>
    [TestCase("valid")]
    [TestCase("number already registered", "A-02")]
    [TestCase("customer not a taxpayer", "C-02")]
    [TestCase("correction of a missing original", "COR-01")]
    [TestCase("correction to another customer", "COR-02")]
    [TestCase("return below zero", "ADD-09")]
    [TestCase("expired signing certificate", "GEN-01")]
    [TestCase("another taxpayer's key", "B-02")]
    [TestCase("operator without a power of attorney", "POA-01")]
    public async Task Should_find_exactly_the_rule_ids_the_worker_finds(string name, params string[] expected)
    {
        // Arrange
        using var client = await RegistryHttp.LogInAsync();
        var (body, signer, signatureType) = await ArrangeAsync(client, name);
        using var key = signer.GetRSAPrivateKey()!;

        // Act
        var (status, dryRun) = await client.PostAsync("api/v1/invoices/validate", new
        {
            invoiceBody = body, signature = InvoiceSignatureVerifier.Sign(body, key), x509Certificate = CertificateFactory.ToBase64(signer), signatureType,
        });
        var worker = await client.RegisterAsync(body, signer, signatureType);

        // Assert
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), dryRun.ToString());
        Assert.That(RuleIds(dryRun), Is.EqualTo(RuleIds(worker)), "the dry run and the worker disagree");
        Assert.That(RuleIds(dryRun), Is.EqualTo(expected.Order()));
    }

    [Test]
    public async Task Should_judge_no_invoice_of_another_seller()
    {
        // Arrange: Y's dry run of an additional invoice in X's name, against X's registered invoice (the H1 oracle: ADD-09
        // would tell X's exact total by bisection, COR-02 its customer).
        using var victim = await RegistryHttp.LogInAsync();
        using var attacker = await RegistryHttp.LogInAsync();
        var num = TestTenant.UniqueNum();
        var original = await victim.RegisterAsync(TestInvoices.Build(victim.Tenant, num));
        var probe = TestInvoices.FullReturn(TestInvoices.Linked(TestInvoices.Build(victim.Tenant), "ADDITIONAL_INVOICE",
            num, TestInvoices.Today, original.GetProperty("registrationNumber").GetString()));

        // Act
        var (status, answer) = await attacker.PostAsync("api/v1/invoices/validate", new { invoiceBody = probe });

        // Assert
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), answer.ToString());
        Assert.That(RuleIds(answer), Is.EqualTo(new[] { "UPL-01" }), "refused as the upload refuses it; no registry rule runs");
    }

    [Test]
    public async Task Should_answer_for_another_sellers_registration_number_exactly_as_for_a_missing_one()
    {
        // Arrange: Y names X's registration number in Y's own correction, guessing a customer (COR-02 would confirm the guess).
        using var victim = await RegistryHttp.LogInAsync();
        using var attacker = await RegistryHttp.LogInAsync();
        var num = TestTenant.UniqueNum();
        var number = (await victim.RegisterAsync(TestInvoices.Build(victim.Tenant, num))).GetProperty("registrationNumber").GetString()!;
        string Correction(string registrationNumber) => TestInvoices.Linked(TestInvoices.Build(attacker.Tenant),
            "FIXED_INVOICE", num, TestInvoices.Today, registrationNumber);

        // Act
        var (_, real) = await attacker.PostAsync("api/v1/invoices/validate", new { invoiceBody = Correction(number) });
        var (_, missing) = await attacker.PostAsync("api/v1/invoices/validate", new { invoiceBody = Correction(number[..^8] + "99999999") });

        // Assert
        Assert.That(RuleIds(real), Is.EqualTo(RuleIds(missing)));
        Assert.That(RuleIds(real), Does.Contain("COR-01"));
    }

    [Test]
    public async Task Should_answer_a_correction_of_an_original_that_no_longer_reads_with_API06()
    {
        // Arrange: the original's stored body was altered in the database.
        using var client = await RegistryHttp.LogInAsync();
        var num = TestTenant.UniqueNum();
        var original = await client.RegisterAsync(TestInvoices.Build(client.Tenant, num));
        await using (var connection = new NpgsqlConnection(TestServices.RequirePostgres()))
        {
            await connection.ExecuteAsync("UPDATE invoices SET body = '<v2:invoice xmlns:v2=\"v2.esf\"><num>' WHERE registration_number = @Number",
                new { Number = original.GetProperty("registrationNumber").GetString() });
        }

        var correction = TestInvoices.Linked(TestInvoices.Build(client.Tenant), "FIXED_INVOICE", num, TestInvoices.Today);

        // Act
        var (status, answer) = await client.PostAsync("api/v1/invoices/validate", new { invoiceBody = correction });

        // Assert
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), answer.ToString());
        Assert.That(RuleIds(answer), Is.EqualTo(new[] { "API-06" }));
    }

    private static async Task<(string Body, X509Certificate2 Signer, string SignatureType)> ArrangeAsync(RegistryHttp client, string name)
    {
        var tenant = client.Tenant;
        string LinkedTo(string type, string num) => TestInvoices.Linked(TestInvoices.Build(tenant), type, num, TestInvoices.Today);
        switch (name)
        {
            case "number already registered":
                return (TestInvoices.Build(tenant, await RegisterNewAsync(client)), tenant.Certificate, "COMPANY");
            case "customer not a taxpayer":
                return (TestInvoices.Build(TestTenant.UniqueNum(), TestInvoices.Today, tenant.SellerTin, TestTenant.UniqueTin()), tenant.Certificate, "COMPANY");
            case "correction of a missing original":
                return (LinkedTo("FIXED_INVOICE", "987654321"), tenant.Certificate, "COMPANY");
            case "correction to another customer":
                var original = await RegisterNewAsync(client);
                var otherCustomer = TestTenant.UniqueTin();
                await RegistryGateway.Fixture.Get<RegistryWriter>().AddTaxpayerAsync(otherCustomer, "ТОО «Другой покупатель»");
                return (TestInvoices.Linked(TestInvoices.Build(TestTenant.UniqueNum(), TestInvoices.Today, tenant.SellerTin, otherCustomer),
                    "FIXED_INVOICE", original, TestInvoices.Today), tenant.Certificate, "COMPANY");
            case "return below zero":
                var supplemented = await RegisterNewAsync(client);
                var first = await client.RegisterAsync(TestInvoices.FullReturn(LinkedTo("ADDITIONAL_INVOICE", supplemented)));
                Assert.That(first.GetProperty("status").GetString(), Is.EqualTo("CREATED"));
                return (TestInvoices.FullReturn(LinkedTo("ADDITIONAL_INVOICE", supplemented)), tenant.Certificate, "COMPANY");
            case "expired signing certificate":
                var expired = CertificateFactory.Create("ТЕСТОВ ТЕСТ", tenant.UserIin, tenant.SellerTin, DateTimeOffset.UtcNow.AddYears(-2), DateTimeOffset.UtcNow.AddDays(-1));
                return (TestInvoices.Build(tenant), expired, "COMPANY");
            case "another taxpayer's key":
                var stranger = await TestTenant.CreateAsync(RegistryGateway.Fixture);
                return (TestInvoices.Build(tenant), stranger.Certificate, "COMPANY");
            case "operator without a power of attorney":
                return (TestInvoices.Build(tenant), tenant.Certificate, "OPERATOR");
            default:
                return (TestInvoices.Build(tenant), tenant.Certificate, "COMPANY");
        }
    }

    /// <summary>Registers a fresh invoice of the tenant and answers its num.</summary>
    private static async Task<string> RegisterNewAsync(RegistryHttp client)
    {
        var num = TestTenant.UniqueNum();
        Assert.That((await client.RegisterAsync(TestInvoices.Build(client.Tenant, num))).GetProperty("status").GetString(), Is.EqualTo("CREATED"));
        return num;
    }

    /// <summary>The rule ids of a dry run's or a status view's errors, in order (the worker and the dry run may list them differently).</summary>
    private static IEnumerable<string> RuleIds(JsonElement answer) =>
        answer.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("ruleId").GetString()!).Order();

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
        Assert.That(c04.GetProperty("errorCode").GetString(), Is.EqualTo("CUSTOMER_BRANCH_NOT_BELONGS_TO_HEAD"));
        Assert.That(c04.GetProperty("fields").GetArrayLength(), Is.GreaterThan(0));
        Assert.That(c04.GetProperty("legalBasis").GetString(), Does.Contain("L847"));
        Assert.That(catalogue.GetProperty("notes").EnumerateArray().Select(n => n.GetProperty("id").GetString()), Has.Member("SNT-01"));
    }
}
