using System.Net;
using System.Net.Http.Json;
using NUnit.Framework;

namespace Esf.Tests.Participants;

/// <summary>The tenant predicate for people: the head of A never sees or touches the people of B, nor their rights (ADR 0037).</summary>
[TestFixture]
public sealed class Keeping_people_inside_the_enterprise
{
    [Test]
    public async Task Should_answer_not_found_to_every_change_by_another_enterprises_head_and_change_nothing()
    {
        // Arrange
        using var a = await Workplace.OpenAsync();
        using var b = await Workplace.OpenAsync();
        using var employeeOfB = await b.EnrolAsync("VIEW", "SIGN");
        var before = await Workplace.JsonAsync(await b.HeadHttp.GetAsync($"api/v1/employees/{employeeOfB.Iin}"));
        var iin = employeeOfB.Iin;

        // Act
        HttpResponseMessage[] attempts =
        [
            await a.HeadHttp.GetAsync($"api/v1/employees/{iin}"),
            await Workplace.GrantAsync(a.HeadHttp, iin, "CHANGE_STATUS", Workplace.Today, null),
            await a.HeadHttp.DeleteAsync($"api/v1/employees/{iin}/rights/SIGN"),
            await a.HeadHttp.PutAsync($"api/v1/employees/{iin}/block", null),
            await a.HeadHttp.DeleteAsync($"api/v1/employees/{iin}/block"),
            await a.HeadHttp.DeleteAsync($"api/v1/employees/{iin}"),
        ];
        var listOfA = await Workplace.JsonAsync(await a.HeadHttp.GetAsync("api/v1/employees"));
        var historyOfA = await Workplace.JsonAsync(await a.HeadHttp.GetAsync($"api/v1/employees/history?iin={iin}"));
        var after = await Workplace.JsonAsync(await b.HeadHttp.GetAsync($"api/v1/employees/{iin}"));

        // Assert
        Assert.That(attempts.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.NotFound));
        Assert.That(listOfA.EnumerateArray().Select(e => e.GetProperty("iin").GetString()), Does.Not.Contain(iin));
        Assert.That(historyOfA.GetArrayLength(), Is.Zero);
        Assert.That(after.ToString(), Is.EqualTo(before.ToString()));
        foreach (var attempt in attempts)
        {
            attempt.Dispose();
        }
    }

    [Test]
    public async Task Should_enrol_a_person_of_another_enterprise_without_touching_its_membership_there()
    {
        // Arrange: a person may work for several enterprises; A enrolling it gives A a membership of its own.
        using var a = await Workplace.OpenAsync();
        using var b = await Workplace.OpenAsync();
        using var shared = await b.EnrolAsync("SIGN");

        // Act
        using var enrolled = await a.HeadHttp.PutAsync($"api/v1/employees/{shared.Iin}", null);
        using var blockedInA = await a.HeadHttp.PutAsync($"api/v1/employees/{shared.Iin}/block", null);
        var inA = await Workplace.JsonAsync(await a.HeadHttp.GetAsync($"api/v1/employees/{shared.Iin}"));
        var inB = await Workplace.JsonAsync(await b.HeadHttp.GetAsync($"api/v1/employees/{shared.Iin}"));
        using var http = await shared.ClientAsync(b.Head.SellerTin);
        using var uploadInB = await http.PostAsJsonAsync("api/v1/invoices", b.InvoiceUpload(shared));

        // Assert
        Assert.That((enrolled.StatusCode, blockedInA.StatusCode), Is.EqualTo((HttpStatusCode.Created, HttpStatusCode.NoContent)));
        Assert.That((inA.GetProperty("blocked").GetBoolean(), inA.GetProperty("rights").GetArrayLength()), Is.EqualTo((true, 0)));
        Assert.That((inB.GetProperty("blocked").GetBoolean(), inB.GetProperty("rights").GetArrayLength()), Is.EqualTo((false, 1)));
        Assert.That(uploadInB.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await uploadInB.Content.ReadAsStringAsync());
    }
}
