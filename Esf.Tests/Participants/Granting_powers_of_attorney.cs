using Esf.Domain.Employees;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Participants;
using Esf.Infrastructure.Registry;
using Esf.Infrastructure.Sessions;
using Esf.Infrastructure;
using Esf.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using NUnit.Framework;

namespace Esf.Tests.Participants;

[TestFixture]
public sealed class Granting_powers_of_attorney
{
    private static readonly DateOnly Today = ControlledClock.KazakhstanToday;

    [Test]
    public async Task Should_grant_list_check_and_revoke_a_power_of_attorney()
    {
        // Arrange
        using var head = await TestTenant.CreateAsync(ParticipantsGateway.Fixture);
        using var http = await ClientAsync(head);
        var attorney = TestTenant.UniqueTin();
        var powers = ParticipantsGateway.Fixture.Get<PowersOfAttorney>();

        // Act
        using var granted = await http.PostAsJsonAsync("api/v1/powers-of-attorney", new { attorneyIin = attorney, validFrom = Today, validTo = Today.AddDays(30) });
        var power = JsonDocument.Parse(await granted.Content.ReadAsStringAsync()).RootElement;
        var holdsToday = await powers.HoldsAsync(head.SellerTin, attorney, Today, CancellationToken.None);
        var holdsAfter = await powers.HoldsAsync(head.SellerTin, attorney, Today.AddDays(31), CancellationToken.None);
        var holdsForOther = await powers.HoldsAsync(head.CustomerTin, attorney, Today, CancellationToken.None);
        var listed = JsonDocument.Parse(await http.GetStringAsync("api/v1/powers-of-attorney")).RootElement;
        using var revoked = await http.DeleteAsync($"api/v1/powers-of-attorney/{power.GetProperty("id").GetInt64()}");
        var holdsRevoked = await powers.HoldsAsync(head.SellerTin, attorney, Today, CancellationToken.None);

        // Assert
        Assert.That(granted.StatusCode, Is.EqualTo(HttpStatusCode.Created), power.ToString());
        Assert.That(power.GetProperty("attorneyIin").GetString(), Is.EqualTo(attorney));
        Assert.That((holdsToday, holdsAfter, holdsForOther), Is.EqualTo((true, false, false)));
        Assert.That(listed.GetArrayLength(), Is.EqualTo(1));
        Assert.That(revoked.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(holdsRevoked, Is.False);
    }

    [Test]
    public async Task Should_refuse_a_power_of_attorney_that_starts_before_the_day_it_is_granted()
    {
        // Arrange: M5 (security review): a power backdated to cover invoices already signed is refused; the day is the server's.
        using var head = await TestTenant.CreateAsync(ParticipantsGateway.Fixture);
        var session = await ParticipantsGateway.Fixture.Get<SessionService>().RequireAsync(await head.OpenSessionAsync(ParticipantsGateway.Fixture), CancellationToken.None);
        var granted = new DateOnly(2027, 3, 10);
        var powers = new PowersOfAttorney(
            ParticipantsGateway.Fixture.Get<Npgsql.NpgsqlDataSource>(), ControlledClock.At(granted), ParticipantsGateway.Fixture.Get<IOptions<QuotaOptions>>());

        // Act
        var backdated = await Assert.ThrowsAsync<EsfException>(() =>
            powers.GrantAsync(session, TestTenant.UniqueTin(), granted.AddDays(-1), granted.AddDays(30), CancellationToken.None));
        var fromToday = await powers.GrantAsync(session, TestTenant.UniqueTin(), granted, granted.AddDays(30), CancellationToken.None);

        // Assert
        Assert.That(backdated!.ErrorCode, Is.EqualTo("FIELD_INVALID"));
        Assert.That(fromToday.ValidFrom, Is.EqualTo(granted));
    }

    [Test]
    public async Task Should_refuse_a_power_of_attorney_past_the_enterprises_quota_and_free_a_place_on_revocation()
    {
        // Arrange: M7, a quota of 2 powers in force for this test's store.
        using var head = await TestTenant.CreateAsync(ParticipantsGateway.Fixture);
        var session = await ParticipantsGateway.Fixture.Get<SessionService>().RequireAsync(await head.OpenSessionAsync(ParticipantsGateway.Fixture), CancellationToken.None);
        var powers = new PowersOfAttorney(
            ParticipantsGateway.Fixture.Get<Npgsql.NpgsqlDataSource>(), TimeProvider.System, Options.Create(new QuotaOptions { PowersOfAttorneyPerTenant = 2 }));
        var first = await powers.GrantAsync(session, TestTenant.UniqueTin(), Today, Today.AddDays(30), CancellationToken.None);
        await powers.GrantAsync(session, TestTenant.UniqueTin(), Today, Today.AddDays(30), CancellationToken.None);

        // Act
        var over = await Assert.ThrowsAsync<EsfException>(() => powers.GrantAsync(session, TestTenant.UniqueTin(), Today, Today.AddDays(30), CancellationToken.None));
        await powers.RevokeAsync(session, first.Id, CancellationToken.None);
        var afterRevocation = await powers.GrantAsync(session, TestTenant.UniqueTin(), Today, Today.AddDays(30), CancellationToken.None);

        // Assert
        Assert.That(over!.ErrorCode, Is.EqualTo(Quota.ExceededCode));
        Assert.That(over.Description, Does.Contain("Esf:Quotas:PowersOfAttorneyPerTenant"));
        Assert.That(afterRevocation.RevokedAt, Is.Null);
    }

    [Test]
    public async Task Should_let_only_the_head_grant_and_keep_powers_inside_the_enterprise()
    {
        // Arrange
        using var head = await TestTenant.CreateAsync(ParticipantsGateway.Fixture);
        using var stranger = await TestTenant.CreateAsync(ParticipantsGateway.Fixture);
        var employee = TestTenant.UniqueTin();
        await ParticipantsGateway.Fixture.Get<RegistryWriter>().AddUserAsync(employee, TestTenant.DefaultPassword, head.SellerTin, "USER");
        using var headHttp = await ClientAsync(head);
        using var strangerHttp = await ClientAsync(stranger);
        var body = new { attorneyIin = TestTenant.UniqueTin(), validFrom = Today, validTo = Today.AddDays(1) };
        using var granted = await headHttp.PostAsJsonAsync("api/v1/powers-of-attorney", body);
        var id = JsonDocument.Parse(await granted.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        var employeeSession = new SessionContext("employee-session", employee, head.SellerTin, "USER", "") { Authority = EmployeeAuthority.Employee([], Today) };

        // Act
        using var strangerRevoke = await strangerHttp.DeleteAsync($"api/v1/powers-of-attorney/{id}");
        var strangerList = JsonDocument.Parse(await strangerHttp.GetStringAsync("api/v1/powers-of-attorney")).RootElement;
        var byEmployee = await Assert.ThrowsAsync<EsfException>(() =>
            ParticipantsGateway.Fixture.Get<PowersOfAttorney>().GrantAsync(employeeSession, employee, Today, Today, CancellationToken.None));

        // Assert
        Assert.That(strangerRevoke.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(strangerList.GetArrayLength(), Is.Zero);
        Assert.That(byEmployee!.Kind, Is.EqualTo(EsfFaultKind.AccessDenied));
    }

    [Test]
    public async Task Should_read_body_dates_day_first_or_iso_and_answer_them_iso()
    {
        // Arrange
        using var head = await TestTenant.CreateAsync(ParticipantsGateway.Fixture);
        using var http = await ClientAsync(head);
        var (dayFirst, iso) = (Today.AddDays(1).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), Today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        // Act
        using var fromDayFirst = await http.PostAsJsonAsync("api/v1/powers-of-attorney", new { attorneyIin = TestTenant.UniqueTin(), validFrom = dayFirst, validTo = dayFirst });
        using var fromIso = await http.PostAsJsonAsync("api/v1/powers-of-attorney", new { attorneyIin = TestTenant.UniqueTin(), validFrom = iso, validTo = iso });
        using var ambiguous = await http.PostAsJsonAsync("api/v1/powers-of-attorney", new { attorneyIin = TestTenant.UniqueTin(), validFrom = iso, validTo = "12/03/2027" });

        // Assert
        var problem = await Rest.ProblemAssertions.AssertProblemAsync(ambiguous, HttpStatusCode.BadRequest);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((fromDayFirst.StatusCode, fromIso.StatusCode), Is.EqualTo((HttpStatusCode.Created, HttpStatusCode.Created)));
            Assert.That((await Json(fromDayFirst)).GetProperty("validFrom").GetString(), Is.EqualTo(iso));
            Assert.That((await Json(fromIso)).GetProperty("validTo").GetString(), Is.EqualTo(iso));
            Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("validTo").And.Contain("dd.MM.yyyy").And.Contain("yyyy-MM-dd"));
        }

        static async Task<JsonElement> Json(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static async Task<HttpClient> ClientAsync(TestTenant tenant)
    {
        var http = ParticipantsGateway.Fixture.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await tenant.OpenSessionAsync(ParticipantsGateway.Fixture));
        return http;
    }
}
