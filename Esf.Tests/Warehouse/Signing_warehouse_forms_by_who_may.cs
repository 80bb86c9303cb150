using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Esf.Domain.Warehouse;
using Esf.Infrastructure.Registry;
using Esf.Infrastructure.Signatures;
using Esf.Tests.Infrastructure;
using Esf.Tests.Participants;
using Esf.Tests.Rest;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Warehouse;

/// <summary>
/// Who may sign a warehouse form for its sender (VS-50, <see cref="WarehouseFormRules.SignerMustSignForSender"/>): the enterprise's own
/// key (COMPANY), an entrepreneur's individual key (COMPANY), a person of the sender holding SIGN on the day with a key of its own
/// (OPERATOR). Nobody else: not an employee without SIGN or past its term, not an entrepreneur's employee, not another enterprise's
/// person, not an employee's key passed off as the company's.
/// </summary>
[TestFixture]
public sealed class Signing_warehouse_forms_by_who_may
{
    private static GatewayFixture Fixture => WarehouseGateway.Fixture;

    [Test]
    public async Task Should_process_a_form_signed_with_the_enterprises_own_key()
    {
        using var workplace = await Workplace.OpenAsync(Fixture);
        var warehouse = await CreatedAsync(workplace.HeadHttp);

        var form = await UploadDecidedAsync(workplace.HeadHttp, workplace.Head.CertificateBase64, workplace.Head.Sign, "COMPANY", warehouse);

        Assert.That(form.GetProperty("status").GetString(), Is.EqualTo("PROCESSED"), form.ToString());
    }

    [Test]
    public async Task Should_process_an_entrepreneurs_form_signed_with_its_individual_key_and_refuse_its_employee()
    {
        // Arrange: an ИП (its ИИН is its ИИН/БИН) and a person it enrolled with every right it may give (no SIGN: EMP-03).
        var iin = TestTenant.UniqueTin();
        var registry = Fixture.Get<RegistryWriter>();
        await registry.AddTaxpayerAsync(iin, $"ИП «Предприниматель {iin}»");
        await registry.AddUserAsync(iin, TestTenant.DefaultPassword, iin, "ENTREPRENEUR", "ПРЕДПРИНИМАТЕЛЬ", "ТЕСТОВ");
        using var entrepreneur = new Workplace.Person(iin, CertificateFactory.Create("ПРЕДПРИНИМАТЕЛЬ ТЕСТОВ", iin, null), Fixture);
        using var http = await entrepreneur.ClientAsync(iin);
        var warehouse = await CreatedAsync(http);
        using var employee = await Workplace.RegisteredPersonAsync(Fixture);
        using (var added = await http.PutAsync($"api/v1/employees/{employee.Iin}", null))
        {
            Assert.That(added.StatusCode, Is.EqualTo(HttpStatusCode.Created), await added.Content.ReadAsStringAsync());
        }

        using (var granted = await Workplace.GrantAsync(http, employee.Iin, "CREATE", Workplace.Today, null))
        {
            Assert.That(granted.StatusCode, Is.EqualTo(HttpStatusCode.OK), await granted.Content.ReadAsStringAsync());
        }

        // Act
        var own = await UploadDecidedAsync(http, entrepreneur.CertificateBase64, entrepreneur.Sign, "COMPANY", warehouse);
        var byEmployee = await UploadDecidedAsync(http, employee.CertificateBase64, employee.Sign, "OPERATOR", warehouse);

        // Assert
        Assert.That(own.GetProperty("status").GetString(), Is.EqualTo("PROCESSED"), own.ToString());
        AssertRefused(byEmployee);
    }

    [Test]
    public async Task Should_process_a_form_an_employee_holding_sign_signs_with_its_own_key_as_operator()
    {
        using var workplace = await Workplace.OpenAsync(Fixture);
        var warehouse = await CreatedAsync(workplace.HeadHttp);
        using var signer = await workplace.EnrolAsync("SIGN");

        var form = await UploadDecidedAsync(workplace.HeadHttp, signer.CertificateBase64, signer.Sign, "OPERATOR", warehouse);

        Assert.That(form.GetProperty("status").GetString(), Is.EqualTo("PROCESSED"), form.ToString());
    }

    [Test]
    public async Task Should_refuse_an_employee_without_sign_past_its_term_or_passing_its_key_off_as_the_companys_with_VS_50()
    {
        // Arrange
        using var workplace = await Workplace.OpenAsync(Fixture);
        var warehouse = await CreatedAsync(workplace.HeadHttp);
        using var viewer = await workplace.EnrolAsync("VIEW", "CREATE", "CHANGE_STATUS");
        using var expired = await workplace.EnrolAsync("SIGN");
        using var signer = await workplace.EnrolAsync("SIGN");
        await using (var connection = await Fixture.Get<NpgsqlDataSource>().OpenConnectionAsync())
        {
            await connection.ExecuteAsync(
                "UPDATE employee_rights SET valid_from = @From, valid_to = @To WHERE login = @Login AND tin = @Tin AND right_name = 'SIGN'",
                new { From = Workplace.Today.AddDays(-10), To = Workplace.Today.AddDays(-1), Login = expired.Iin, Tin = workplace.Head.SellerTin });
        }

        // Act
        var withoutSign = await UploadDecidedAsync(workplace.HeadHttp, viewer.CertificateBase64, viewer.Sign, "OPERATOR", warehouse);
        var pastTerm = await UploadDecidedAsync(workplace.HeadHttp, expired.CertificateBase64, expired.Sign, "OPERATOR", warehouse);
        var asCompany = await UploadDecidedAsync(workplace.HeadHttp, signer.CertificateBase64, signer.Sign, "COMPANY", warehouse);

        // Assert
        AssertRefused(withoutSign);
        AssertRefused(pastTerm);
        AssertRefused(asCompany);
        Assert.That((await BalancesAsync(workplace.HeadHttp, warehouse)).GetArrayLength(), Is.Zero, "no refused form credited anything");
    }

    [Test]
    public async Task Should_refuse_a_form_signed_by_a_person_or_key_of_another_enterprise_with_VS_50()
    {
        // Arrange: a stranger enterprise whose employee holds SIGN there, not here.
        using var home = await Workplace.OpenAsync(Fixture);
        using var stranger = await Workplace.OpenAsync(Fixture);
        var warehouse = await CreatedAsync(home.HeadHttp);
        using var theirSigner = await stranger.EnrolAsync("SIGN");

        // Act
        var byTheirEmployee = await UploadDecidedAsync(home.HeadHttp, theirSigner.CertificateBase64, theirSigner.Sign, "OPERATOR", warehouse);
        var byTheirHeadAsOperator = await UploadDecidedAsync(home.HeadHttp, stranger.Head.CertificateBase64, stranger.Head.Sign, "OPERATOR", warehouse);
        var byTheirCompanyKey = await UploadDecidedAsync(home.HeadHttp, stranger.Head.CertificateBase64, stranger.Head.Sign, "COMPANY", warehouse);

        // Assert
        AssertRefused(byTheirEmployee);
        AssertRefused(byTheirHeadAsOperator);
        AssertRefused(byTheirCompanyKey);
        Assert.That((await BalancesAsync(home.HeadHttp, warehouse)).GetArrayLength(), Is.Zero);
    }

    private static void AssertRefused(JsonElement form)
    {
        Assert.That(form.GetProperty("status").GetString(), Is.EqualTo("ERROR"), form.ToString());
        Assert.That(form.GetProperty("errorReason").GetString(), Does.StartWith($"VS-50: {WarehouseFormRules.SignerMustSignForSender.MessageRu}"));
        Assert.That(form.GetProperty("errorCode").GetString(), Is.EqualTo("UFORM_SENDER_NOT_VALID"));
    }

    private static async Task<long> CreatedAsync(HttpClient http) => (await WarehouseRequests.CreateAsync(http, "Склад")).Id();

    private static async Task<JsonElement> BalancesAsync(HttpClient http, long warehouse) =>
        await RestClient.ReadJsonAsync(await http.GetAsync($"api/v1/warehouses/{warehouse}/balances"));

    private static Task<JsonElement> UploadDecidedAsync(HttpClient http, string certificate, Func<string, string> sign, string signatureType, long warehouse) =>
        SignedFormUploads.UploadDecidedAsync(http, certificate, sign, signatureType, WarehouseFormBodies.Remains(warehouse, TestTenant.UniqueNum()));
}
