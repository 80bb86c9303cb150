using System.Net;
using Dapper;
using Esf.Domain.Taxpayers;
using Esf.Tests.Rest;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Sandbox;

/// <summary>POST /api/v1/sandbox/taxpayers and /users: test taxpayers of every kind and their users, behind the sandbox key.</summary>
[TestFixture]
public sealed class Creating_a_test_world
{
    [TestCase(null, TestName = "Should_answer_401_without_the_sandbox_key")]
    [TestCase("wrong-key-wrong-key-wrong", TestName = "Should_answer_401_with_a_wrong_sandbox_key")]
    public async Task Should_answer_401(string? key)
    {
        using var sandbox = new SandboxClient(key);

        using var response = await sandbox.PostAsync("taxpayers", new { kind = "LEGAL_ENTITY" });

        var problem = await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("X-Sandbox-Key"));
    }

    [TestCase("LEGAL_ENTITY", true, "PRIVATE_ENTERPRISE")]
    [TestCase("LEGAL_ENTITY", false, "PRIVATE_ENTERPRISE")]
    [TestCase("ENTREPRENEUR", true, "INDIVIDUAL_ENTREPRENEUR")]
    [TestCase("INDIVIDUAL", true, "INDIVIDUAL")]
    public async Task Should_create_a_taxpayer_of_each_kind_with_a_valid_control_digit(string kind, bool resident, string enterpriseType)
    {
        using var sandbox = new SandboxClient();

        var taxpayer = await sandbox.CreateAsync("taxpayers", new { kind, resident });

        var tin = taxpayer.GetProperty("tin").GetString()!;
        var row = await ReadTaxpayerAsync(tin);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(TaxpayerNumber.IsValid(tin), Is.True, tin);
            Assert.That(row.enterprise_type, Is.EqualTo(enterpriseType));
            Assert.That(row.is_resident, Is.EqualTo(resident));
            Assert.That((string?)row.vat_certificate_series, Is.Not.Empty, "a VAT payer by default, with a certificate");
            Assert.That(taxpayer.GetProperty("vat").GetProperty("certificateNum").GetString(), Is.EqualTo((string?)row.vat_certificate_num));
        }
    }

    [Test]
    public async Task Should_create_a_branch_with_bank_accounts_categories_and_successors()
    {
        using var sandbox = new SandboxClient();
        var head = await sandbox.CreateLegalEntityAsync();
        var successor = await sandbox.CreateLegalEntityAsync();

        var branch = await sandbox.CreateAsync("taxpayers", new
        {
            kind = "LEGAL_ENTITY", headOfficeTin = head, vatCertificateSeries = "60001", vatCertificateNum = "1234567",
            categories = new[] { "SRP_PARTICIPANT" }, bankAccounts = new[] { new { iik = "KZ86125KZT5004100100", bik = "HSBKKZKX", kbe = "17" } },
            successors = new[] { new { tin = successor, kind = "MERGER" } },
        });

        var tin = branch.GetProperty("tin").GetString()!;
        await using var connection = await SandboxGateway.Fixture.Get<NpgsqlDataSource>().OpenConnectionAsync();
        var facts = await connection.QuerySingleAsync<(string? Head, string? Series, long Accounts, long Successors, long Srp)>("""
            SELECT head_office_tin, vat_certificate_series,
                   (SELECT count(*) FROM bank_accounts WHERE tin = @Tin), (SELECT count(*) FROM taxpayer_successors WHERE reorganized_tin = @Tin),
                   (SELECT count(*) FROM srp_participants WHERE tin = @Tin)
            FROM taxpayers WHERE tin = @Tin
            """, new { Tin = tin });
        Assert.That(facts, Is.EqualTo((head, "60001", 1L, 1L, 1L)));
        Assert.That(tin[5], Is.EqualTo('1'), "a branch's БИН has the attribute digit 1");
    }

    [Test]
    public async Task Should_refuse_a_tin_with_a_wrong_control_digit_and_a_taxpayer_twice()
    {
        using var sandbox = new SandboxClient();
        var tin = await sandbox.CreateLegalEntityAsync();
        var wrong = tin[..11] + (char)('0' + (tin[11] - '0' + 1) % 10);

        using var invalid = await sandbox.PostAsync("taxpayers", new { kind = "LEGAL_ENTITY", tin = wrong });
        using var twice = await sandbox.PostAsync("taxpayers", new { kind = "LEGAL_ENTITY", tin });

        Assert.That((await ProblemAssertions.AssertProblemAsync(invalid, HttpStatusCode.BadRequest)).GetProperty("detail").GetString(),
            Does.Contain("control digit"));
        await ProblemAssertions.AssertProblemAsync(twice, HttpStatusCode.Conflict);
    }

    [Test]
    public async Task Should_create_a_user_of_two_enterprises_with_their_rights()
    {
        using var sandbox = new SandboxClient();
        var (first, second) = (await sandbox.CreateLegalEntityAsync(), await sandbox.CreateLegalEntityAsync());

        var user = await sandbox.CreateAsync("users", new
        {
            password = "Sandbox2026pass",
            enterprises = new[] { new { tin = first, businessProfileType = "ADMIN_ENTERPRISE" }, new { tin = second, businessProfileType = "USER" } },
        });

        var login = user.GetProperty("login").GetString()!;
        await using var connection = await SandboxGateway.Fixture.Get<NpgsqlDataSource>().OpenConnectionAsync();
        var profiles = await connection.QueryAsync<(string, string)>(
            "SELECT tin, business_profile_type FROM user_enterprises WHERE login = @Login ORDER BY business_profile_type", new { Login = login });
        Assert.That(TaxpayerNumber.IsValid(login), Is.True, login);
        Assert.That(profiles, Is.EqualTo(new[] { (first, "ADMIN_ENTERPRISE"), (second, "USER") }));
    }

    [Test]
    public async Task Should_refuse_a_user_of_an_unknown_profile_or_enterprise()
    {
        using var sandbox = new SandboxClient();
        var tin = await sandbox.CreateLegalEntityAsync();

        using var profile = await sandbox.PostAsync("users", new { password = "p", enterprises = new[] { new { tin, businessProfileType = "BOSS" } } });
        using var enterprise = await sandbox.PostAsync("users",
            new { password = "p", enterprises = new[] { new { tin = "123456789013", businessProfileType = "USER" } } });

        await ProblemAssertions.AssertProblemAsync(profile, HttpStatusCode.BadRequest);
        await ProblemAssertions.AssertProblemAsync(enterprise, HttpStatusCode.Conflict);
    }

    private static async Task<dynamic> ReadTaxpayerAsync(string tin)
    {
        await using var connection = await SandboxGateway.Fixture.Get<NpgsqlDataSource>().OpenConnectionAsync();
        return await connection.QuerySingleAsync("SELECT * FROM taxpayers WHERE tin = @Tin", new { Tin = tin });
    }
}
