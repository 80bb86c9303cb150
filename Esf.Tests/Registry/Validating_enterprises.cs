using System.Net;
using Dapper;
using Esf.Tests.Infrastructure;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Registry;

[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class Validating_enterprises
{
    private static async Task<string> EnterpriseAsync()
    {
        var tin = TestTenant.UniqueTin();
        await using var connection = await RegistryGateway.Fixture.Get<NpgsqlDataSource>().OpenConnectionAsync();
        await connection.ExecuteAsync("""
            INSERT INTO taxpayers (tin, name_ru, vat_certificate_series, vat_certificate_num) VALUES (@Tin, 'ТОО', '13788', '1399478');
            INSERT INTO banks (bik, name_ru) VALUES ('SABRKZKA', 'ДБ АО «Сбербанк»') ON CONFLICT DO NOTHING;
            INSERT INTO bank_accounts (tin, iik, bik, kbe) VALUES (@Tin, 'KZ32914398914BC31725', 'SABRKZKA', '17');
            """, new { Tin = tin });
        return tin;
    }

    [Test]
    public async Task Should_answer_each_key_with_its_result_over_rest()
    {
        var tin = await EnterpriseAsync();
        using var client = await RegistryHttp.LogInAsync();
        object Key(string t, string num = "1399478", string? bik = "SABRKZKA", string? iik = "KZ32914398914BC31725") =>
            new { certificateSeries = "13788", certificateNum = num, tin = t, bik, iik };

        var (status, results) = await client.PostAsync("api/v1/enterprises/validate", new[]
        {
            Key(tin), Key("000000000000"), Key(tin, num: "1"), Key(tin, bik: "NOSUCHBK"), Key(tin, iik: "KZ00000000000000000000"),
        });

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), results.ToString());
        Assert.That(results.EnumerateArray().Select(r => r.GetProperty("resultType").GetString()), Is.EqualTo(new[]
        {
            "SUCCESS", "TIN_ABSENT", "CERTIFICATE_SERIES_OR_CERTIFICATE_NUM_ABSENT", "BANK_NOT_FOUND", "IIK_ABSENT",
        }));
    }

    [Test]
    public async Task Should_answer_400_naming_the_field_when_a_key_has_no_certificate_series()
    {
        // Arrange: L8, a null certificateSeries raised a null reference and answered 500.
        var tin = await EnterpriseAsync();
        using var client = await RegistryHttp.LogInAsync();

        // Act
        var (status, problem) = await client.PostAsync("api/v1/enterprises/validate", new[] { new { certificateSeries = (string?)null, certificateNum = "1399478", tin } });

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), problem.ToString());
            Assert.That(problem.GetProperty("errorCode").GetString(), Is.EqualTo("FIELD_INVALID"));
            Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("certificateSeries"));
        }
    }

    [Test]
    public async Task Should_answer_over_soap_with_a_result_list()
    {
        var tin = await EnterpriseAsync();
        using var tenant = await TestTenant.CreateAsync(RegistryGateway.Fixture);
        var session = await tenant.OpenSessionAsync(RegistryGateway.Fixture);
        using var http = RegistryGateway.Fixture.CreateClient();
        var envelope = $"""
            <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:esf="esf">
              <soapenv:Body><esf:enterpriseValidationRequest><sessionId>{session}</sessionId><enterpriseKeyList>
                <enterpriseKey><certificateSeries>13788</certificateSeries><certificateNum>1399478</certificateNum><tin>{tin}</tin></enterpriseKey>
                <enterpriseKey><certificateSeries>1</certificateSeries><certificateNum>2</certificateNum><tin>000000000000</tin></enterpriseKey>
              </enterpriseKeyList></esf:enterpriseValidationRequest></soapenv:Body></soapenv:Envelope>
            """;

        using var response = await http.PostAsync("esf-web/ws/api1/InvoiceService", new StringContent(envelope, System.Text.Encoding.UTF8, "text/xml"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        Assert.That(text, Does.Contain("enterpriseValidationResponse").And.Contain("<resultType>SUCCESS</resultType>")
            .And.Contain("<resultType>TIN_ABSENT</resultType>"));
    }
}
