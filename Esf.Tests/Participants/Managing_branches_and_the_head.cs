using System.Net;
using System.Net.Http.Json;
using Dapper;
using Esf.Infrastructure.Errors;
using Esf.Tests.Infrastructure;
using Esf.Tests.Rest;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Participants;

/// <summary>/api/v1/enterprise: a head office delegates its liquidated branches over the API; an entity changes its head (ADR 0037).</summary>
[TestFixture]
public sealed class Managing_branches_and_the_head
{
    private static DateOnly Today => Workplace.Today;

    [Test]
    public async Task Should_list_the_branches_delegate_a_liquidated_one_and_end_the_delegation()
    {
        // Arrange
        using var workplace = await Workplace.OpenAsync();
        var (liquidated, active) = await BranchesAsync(workplace.Head.SellerTin);
        var path = $"api/v1/enterprise/branches/{liquidated}/delegations/{active}";
        var term = new { validFrom = Today.ToString("yyyy-MM-dd"), validTo = Today.AddDays(90).ToString("yyyy-MM-dd") };

        // Act
        using var delegated = await workplace.HeadHttp.PutAsJsonAsync(path, term);
        using var delegatedAgain = await workplace.HeadHttp.PutAsJsonAsync(path, term);
        var branches = await Workplace.JsonAsync(await workplace.HeadHttp.GetAsync("api/v1/enterprise/branches"));
        var stored = await DelegationsAsync(liquidated);
        using var ended = await workplace.HeadHttp.DeleteAsync(path);
        var afterEnd = await DelegationsAsync(liquidated);
        var history = await Workplace.JsonAsync(await workplace.HeadHttp.GetAsync("api/v1/enterprise/history"));

        // Assert
        Assert.That((delegated.StatusCode, delegatedAgain.StatusCode, ended.StatusCode),
            Is.EqualTo((HttpStatusCode.NoContent, HttpStatusCode.NoContent, HttpStatusCode.NoContent)), await delegated.Content.ReadAsStringAsync());
        var liquidatedBranch = branches.EnumerateArray().Single(b => b.GetProperty("tin").GetString() == liquidated);
        Assert.That(liquidatedBranch.GetProperty("liquidated").GetBoolean(), Is.True);
        Assert.That(liquidatedBranch.GetProperty("delegations")[0].GetProperty("delegateTin").GetString(), Is.EqualTo(active));
        Assert.That(branches.GetArrayLength(), Is.EqualTo(2));
        Assert.That(stored, Is.EqualTo(new[] { (active, Today, (DateOnly?)Today.AddDays(90), workplace.Head.UserIin) }));
        Assert.That(afterEnd, Is.Empty, "a delegation that starts today is dropped when ended today");
        Assert.That(history.EnumerateArray().Select(h => h.GetProperty("action").GetString()), Is.EqualTo(new[] { "DELEGATION_ENDED", "DELEGATION_GRANTED" }));
    }

    [Test]
    public async Task Should_refuse_a_delegation_for_another_head_offices_branch_or_an_active_branch()
    {
        // Arrange
        using var a = await Workplace.OpenAsync();
        using var b = await Workplace.OpenAsync();
        var (liquidatedOfA, activeOfA) = await BranchesAsync(a.Head.SellerTin);
        var (_, activeOfB) = await BranchesAsync(b.Head.SellerTin);
        var term = new { validFrom = Today.ToString("yyyy-MM-dd") };

        // Act
        using var foreign = await b.HeadHttp.PutAsJsonAsync($"api/v1/enterprise/branches/{liquidatedOfA}/delegations/{activeOfB}", term);
        using var notLiquidated = await a.HeadHttp.PutAsJsonAsync($"api/v1/enterprise/branches/{activeOfA}/delegations/{liquidatedOfA}", term);
        using var foreignEnd = await b.HeadHttp.DeleteAsync($"api/v1/enterprise/branches/{liquidatedOfA}/delegations/{activeOfA}");
        var branchesOfB = await Workplace.JsonAsync(await b.HeadHttp.GetAsync("api/v1/enterprise/branches"));

        // Assert
        Assert.That((await ProblemAssertions.AssertProblemAsync(foreign, HttpStatusCode.UnprocessableEntity)).GetProperty("errorCode").GetString(), Is.EqualTo("LIQ-01"));
        Assert.That((await ProblemAssertions.AssertProblemAsync(notLiquidated, HttpStatusCode.UnprocessableEntity)).GetProperty("errorCode").GetString(), Is.EqualTo("LIQ-02"));
        Assert.That(foreignEnd.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(branchesOfB.EnumerateArray().Select(x => x.GetProperty("tin").GetString()), Does.Not.Contain(liquidatedOfA));
        Assert.That(await DelegationsAsync(liquidatedOfA), Is.Empty);
    }

    [Test]
    public async Task Should_hand_the_entity_over_to_a_new_head_who_then_manages_it_while_the_old_one_leaves()
    {
        // Arrange: the new head was an employee with one right.
        using var workplace = await Workplace.OpenAsync();
        using var successor = await workplace.EnrolAsync("VIEW");

        // Act
        using var unknown = await workplace.HeadHttp.PostAsJsonAsync("api/v1/enterprise/head", new { iin = TestTenant.UniqueTin() });
        using var changed = await workplace.HeadHttp.PostAsJsonAsync("api/v1/enterprise/head", new { iin = successor.Iin });
        using var oldHeadAfter = await workplace.HeadHttp.GetAsync("api/v1/employees");
        var oldHeadLogin = await Assert.ThrowsAsync<EsfException>(() => workplace.Head.OpenSessionAsync(ParticipantsGateway.Fixture));
        using var http = await successor.ClientAsync(workplace.Head.SellerTin);
        var own = await Workplace.JsonAsync(await http.GetAsync("api/v1/employees/me"));
        var history = await Workplace.JsonAsync(await http.GetAsync("api/v1/enterprise/history"));

        // Assert
        Assert.That((await ProblemAssertions.AssertProblemAsync(unknown, HttpStatusCode.NotFound)).GetProperty("ruleId").GetString(), Is.EqualTo("EMP-05"));
        Assert.That(changed.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await changed.Content.ReadAsStringAsync());
        Assert.That(oldHeadAfter.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(oldHeadLogin!.ErrorCode, Is.EqualTo("ENTERPRISE_NOT_FOUND_FOR_USER"));
        Assert.That((own.GetProperty("businessProfileType").GetString(), own.GetProperty("restricted").GetBoolean()), Is.EqualTo(("ADMIN_ENTERPRISE", false)));
        Assert.That(history[0].GetProperty("detail").GetString(), Is.EqualTo($"{workplace.Head.UserIin} → {successor.Iin}"));
    }

    /// <summary>Two branches of <paramref name="headOffice"/> in the taxpayer registry: one liquidated, one active.</summary>
    private static async Task<(string Liquidated, string Active)> BranchesAsync(string headOffice)
    {
        var (liquidated, active) = (TestTenant.UniqueTin(), TestTenant.UniqueTin());
        await using var connection = await ParticipantsGateway.Fixture.Get<NpgsqlDataSource>().OpenConnectionAsync();
        await connection.ExecuteAsync("""
            INSERT INTO taxpayers (tin, name_ru, head_office_tin, deregistered_on, deregistration_reason)
            VALUES (@Liquidated, 'Филиал ликвидированный', @Head, DATE '2026-01-15', 'Ликвидация'), (@Active, 'Филиал действующий', @Head, NULL, NULL)
            """, new { Liquidated = liquidated, Active = active, Head = headOffice });
        return (liquidated, active);
    }

    private static async Task<List<(string Delegate, DateOnly From, DateOnly? To, string? By)>> DelegationsAsync(string liquidated)
    {
        await using var connection = await ParticipantsGateway.Fixture.Get<NpgsqlDataSource>().OpenConnectionAsync();
        return [.. await connection.QueryAsync<(string, DateOnly, DateOnly?, string?)>(
            "SELECT delegate_tin, valid_from, valid_to, granted_by FROM branch_delegations WHERE liquidated_tin = @Liquidated", new { Liquidated = liquidated })];
    }
}
