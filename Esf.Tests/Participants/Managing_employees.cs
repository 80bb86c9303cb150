using System.Net;
using System.Net.Http.Json;
using Esf.Infrastructure.Registry;
using Esf.Tests.Infrastructure;
using Esf.Tests.Rest;
using NUnit.Framework;

namespace Esf.Tests.Participants;

/// <summary>/api/v1/employees: the head enrols people, grants and withdraws rights with terms, blocks them; all in the history (ADR 0037).</summary>
[TestFixture]
public sealed class Managing_employees
{
    private static DateOnly Today => Workplace.Today;

    [Test]
    public async Task Should_enrol_grant_withdraw_block_and_record_each_change_once_however_often_it_is_repeated()
    {
        // Arrange
        using var workplace = await Workplace.OpenAsync();
        using var person = await Workplace.RegisteredPersonAsync();
        var http = workplace.HeadHttp;

        // Act: every request twice, as a client retrying after a lost answer.
        using var added = await http.PutAsync($"api/v1/employees/{person.Iin}", null);
        using var addedAgain = await http.PutAsync($"api/v1/employees/{person.Iin}", null);
        using var granted = await Workplace.GrantAsync(http, person.Iin, "SIGN", Today, Today.AddDays(30));
        using var grantedAgain = await Workplace.GrantAsync(http, person.Iin, "SIGN", Today, Today.AddDays(30));
        using var view = await Workplace.GrantAsync(http, person.Iin, "VIEW", Today, null);
        using var withdrawn = await http.DeleteAsync($"api/v1/employees/{person.Iin}/rights/VIEW");
        using var withdrawnAgain = await http.DeleteAsync($"api/v1/employees/{person.Iin}/rights/VIEW");
        using var blocked = await http.PutAsync($"api/v1/employees/{person.Iin}/block", null);
        using var blockedAgain = await http.PutAsync($"api/v1/employees/{person.Iin}/block", null);
        var whileBlocked = await Workplace.JsonAsync(await http.GetAsync($"api/v1/employees/{person.Iin}"));
        using var unblocked = await http.DeleteAsync($"api/v1/employees/{person.Iin}/block");
        var list = await Workplace.JsonAsync(await http.GetAsync("api/v1/employees"));
        var history = await Workplace.JsonAsync(await http.GetAsync($"api/v1/employees/history?iin={person.Iin}"));

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That((added.StatusCode, addedAgain.StatusCode), Is.EqualTo((HttpStatusCode.Created, HttpStatusCode.OK)));
            Assert.That((granted.StatusCode, grantedAgain.StatusCode, view.StatusCode), Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK)));
            Assert.That((withdrawn.StatusCode, withdrawnAgain.StatusCode), Is.EqualTo((HttpStatusCode.NoContent, HttpStatusCode.NoContent)));
            Assert.That((blocked.StatusCode, blockedAgain.StatusCode, unblocked.StatusCode),
                Is.EqualTo((HttpStatusCode.NoContent, HttpStatusCode.NoContent, HttpStatusCode.NoContent)));
            Assert.That(whileBlocked.GetProperty("blocked").GetBoolean(), Is.True);
            var employee = list.EnumerateArray().Single(e => e.GetProperty("iin").GetString() == person.Iin);
            Assert.That(employee.GetProperty("businessProfileType").GetString(), Is.EqualTo("USER"));
            Assert.That(employee.GetProperty("blocked").GetBoolean(), Is.False);
            Assert.That(employee.GetProperty("enrolledBy").GetString(), Is.EqualTo(workplace.Head.UserIin));
            var sign = employee.GetProperty("rights").EnumerateArray().Single();
            Assert.That(sign.GetProperty("right").GetString(), Is.EqualTo("SIGN"));
            Assert.That(sign.GetProperty("validTo").GetString(), Is.EqualTo(Today.AddDays(30).ToString("yyyy-MM-dd")));
            Assert.That(sign.GetProperty("inForce").GetBoolean(), Is.True);
            Assert.That(history.EnumerateArray().Select(h => h.GetProperty("action").GetString()).Reverse(),
                Is.EqualTo(new[] { "ENROLLED", "GRANTED", "GRANTED", "WITHDRAWN", "BLOCKED", "UNBLOCKED" }));
            Assert.That(history.EnumerateArray().Select(h => h.GetProperty("actor").GetString()).Distinct(), Is.EqualTo(new[] { workplace.Head.UserIin }));
        }
    }

    [Test]
    public async Task Should_replace_the_term_of_a_right_granted_again_and_record_the_new_term()
    {
        // Arrange
        using var workplace = await Workplace.OpenAsync();
        using var person = await workplace.EnrolAsync("VIEW");

        // Act
        using var extended = await Workplace.GrantAsync(workplace.HeadHttp, person.Iin, "VIEW", Today.AddDays(1), Today.AddDays(2));
        var employee = await Workplace.JsonAsync(extended);
        var history = await Workplace.JsonAsync(await workplace.HeadHttp.GetAsync($"api/v1/employees/history?iin={person.Iin}"));

        // Assert: a right that starts tomorrow is not in force today.
        var view = employee.GetProperty("rights")[0];
        Assert.That(view.GetProperty("validFrom").GetString(), Is.EqualTo(Today.AddDays(1).ToString("yyyy-MM-dd")));
        Assert.That(view.GetProperty("inForce").GetBoolean(), Is.False);
        Assert.That(history[0].GetProperty("detail").GetString(), Does.StartWith("VIEW " + Today.AddDays(1).ToString("yyyy-MM-dd")));
    }

    [Test]
    public async Task Should_refuse_bad_requests_with_their_rule_or_field()
    {
        // Arrange
        using var workplace = await Workplace.OpenAsync();
        using var person = await workplace.EnrolAsync();
        var http = workplace.HeadHttp;

        // Act
        using var unknownPerson = await http.PutAsync($"api/v1/employees/{TestTenant.UniqueTin()}", null);
        using var malformed = await http.PutAsync("api/v1/employees/12345", null);
        using var unknownRight = await Workplace.GrantAsync(http, person.Iin, "EVERYTHING", Today, null);
        using var backdated = await Workplace.GrantAsync(http, person.Iin, "VIEW", Today.AddDays(-1), null);
        using var reversed = await Workplace.GrantAsync(http, person.Iin, "VIEW", Today.AddDays(2), Today.AddDays(1));
        using var theHead = await Workplace.GrantAsync(http, workplace.Head.UserIin, "VIEW", Today, null);

        // Assert
        Assert.That((await ProblemAssertions.AssertProblemAsync(unknownPerson, HttpStatusCode.NotFound)).GetProperty("ruleId").GetString(), Is.EqualTo("EMP-05"));
        Assert.That((await ProblemAssertions.AssertProblemAsync(malformed, HttpStatusCode.BadRequest)).GetProperty("errorCode").GetString(), Is.EqualTo("IIN_NOT_VALID"));
        Assert.That((await ProblemAssertions.AssertProblemAsync(unknownRight, HttpStatusCode.BadRequest)).GetProperty("detail").GetString(), Does.Contain("CHANGE_STATUS"));
        await ProblemAssertions.AssertProblemAsync(backdated, HttpStatusCode.BadRequest);
        await ProblemAssertions.AssertProblemAsync(reversed, HttpStatusCode.BadRequest);
        Assert.That((await ProblemAssertions.AssertProblemAsync(theHead, HttpStatusCode.Conflict)).GetProperty("ruleId").GetString(), Is.EqualTo("EMP-04"));
    }

    [Test]
    public async Task Should_never_give_an_entrepreneurs_employee_the_right_to_sign()
    {
        // Arrange: Rules p.11, an entrepreneur's authorised person creates, views and prints «без права заверения ЭСФ».
        var (entrepreneurTin, entrepreneurIin) = (TestTenant.UniqueTin(), TestTenant.UniqueTin());
        var registry = ParticipantsGateway.Fixture.Get<RegistryWriter>();
        await registry.AddTaxpayerAsync(entrepreneurTin, "ИП «Предприниматель»");
        await registry.AddUserAsync(entrepreneurIin, TestTenant.DefaultPassword, entrepreneurTin, "ENTREPRENEUR");
        using var entrepreneur = new Workplace.Person(entrepreneurIin, Esf.Infrastructure.Signatures.CertificateFactory.Create("ПРЕДПРИНИМАТЕЛЬ", entrepreneurIin, null), ParticipantsGateway.Fixture);
        using var http = await entrepreneur.ClientAsync(entrepreneurTin);
        using var person = await Workplace.RegisteredPersonAsync();
        using var added = await http.PutAsync($"api/v1/employees/{person.Iin}", null);

        // Act
        using var sign = await Workplace.GrantAsync(http, person.Iin, "SIGN", Today, null);
        using var create = await Workplace.GrantAsync(http, person.Iin, "CREATE", Today, null);

        // Assert
        Assert.That((await Workplace.JsonAsync(added)).GetProperty("businessProfileType").GetString(), Is.EqualTo("ENTREPRENEUR_USER"));
        Assert.That((await ProblemAssertions.AssertProblemAsync(sign, HttpStatusCode.UnprocessableEntity)).GetProperty("ruleId").GetString(), Is.EqualTo("EMP-03"));
        Assert.That(create.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Should_let_only_the_head_manage_people()
    {
        // Arrange: an employee holding every right is still not the head (EMP-04).
        using var workplace = await Workplace.OpenAsync();
        using var employee = await workplace.EnrolAsync("VIEW", "CREATE", "SIGN", "CHANGE_STATUS");
        using var other = await workplace.EnrolAsync();
        using var http = await employee.ClientAsync(workplace.Head.SellerTin);

        // Act
        using var list = await http.GetAsync("api/v1/employees");
        using var grant = await Workplace.GrantAsync(http, other.Iin, "SIGN", Today, null);
        using var selfGrant = await Workplace.GrantAsync(http, employee.Iin, "SIGN", Today, null);
        var own = await Workplace.JsonAsync(await http.GetAsync("api/v1/employees/me"));

        // Assert
        foreach (var refused in new[] { list, grant, selfGrant })
        {
            Assert.That((await ProblemAssertions.AssertProblemAsync(refused, HttpStatusCode.Forbidden)).GetProperty("ruleId").GetString(), Is.EqualTo("EMP-04"));
        }

        Assert.That(own.GetProperty("restricted").GetBoolean(), Is.True);
        Assert.That(own.GetProperty("rights").EnumerateArray().Select(r => r.GetString()), Is.EqualTo(new[] { "VIEW", "CREATE", "SIGN", "CHANGE_STATUS" }));
    }
}
