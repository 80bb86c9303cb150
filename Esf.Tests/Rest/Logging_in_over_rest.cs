using System.Net;
using System.Net.Http.Json;
using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Rest;

[TestFixture]
public sealed class Logging_in_over_rest
{
    [Test]
    public async Task Should_open_a_session_and_show_who_is_behind_it()
    {
        // Arrange
        using var client = await RestClient.LogInAsync();

        // Act
        using var response = await client.Http.GetAsync("api/v1/sessions/current");

        // Assert
        var session = await RestClient.ReadJsonAsync(response);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(session.GetProperty("status").GetString(), Is.EqualTo("OK"));
            Assert.That(session.GetProperty("login").GetString(), Is.EqualTo(client.Tenant.UserIin));
            Assert.That(session.GetProperty("tin").GetString(), Is.EqualTo(client.Tenant.SellerTin));
            Assert.That(session.GetProperty("taxpayer").GetProperty("tin").GetString(), Is.EqualTo(client.Tenant.SellerTin));
        }
    }

    [Test]
    public async Task Should_close_the_session_and_refuse_its_id_afterwards()
    {
        // Arrange
        using var client = await RestClient.LogInAsync();

        // Act
        using var closed = await client.Http.DeleteAsync("api/v1/sessions/current");
        using var afterwards = await client.Http.GetAsync("api/v1/sessions/current");

        // Assert
        Assert.That(closed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await RestClient.ReadJsonAsync(closed)).GetProperty("status").GetString(), Is.EqualTo("CLOSED"));
        await ProblemAssertions.AssertProblemAsync(afterwards, HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Should_answer_409_session_already_open_without_the_open_sessions_id()
    {
        // Arrange
        using var client = await RestClient.LogInAsync();
        var openId = client.Http.DefaultRequestHeaders.Authorization!.Parameter!;

        // Act
        using var second = await client.Http.PostAsJsonAsync("api/v1/sessions", client.LoginBody());

        // Assert
        var problem = await ProblemAssertions.AssertProblemAsync(second, HttpStatusCode.Conflict);
        Assert.That(problem.GetProperty("errorCode").GetString(), Is.EqualTo("SESSION_ALREADY_OPEN"));
        Assert.That(problem.ToString(), Does.Not.Contain(openId));
    }

    [Test]
    public async Task Should_close_the_open_session_by_credentials_so_that_a_new_one_opens()
    {
        // Arrange: a session left open, its id lost (an interrupted client).
        using var client = await RestClient.LogInAsync();

        // Act
        using var closed = await client.Http.PostAsJsonAsync("api/v1/sessions/close", client.LoginBody());
        using var oldSession = await client.Http.GetAsync("api/v1/sessions/current");
        using var again = await client.Http.PostAsJsonAsync("api/v1/sessions", client.LoginBody());

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(closed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await RestClient.ReadJsonAsync(closed)).GetProperty("status").GetString(), Is.EqualTo("CLOSED"));
            Assert.That(oldSession.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }
    }

    [Test]
    public async Task Should_refuse_to_close_a_session_by_a_wrong_password()
    {
        // Arrange
        using var client = await RestClient.LogInAsync();

        // Act
        using var refused = await client.Http.PostAsJsonAsync("api/v1/sessions/close", client.LoginBody(password: "wrong"));
        using var stillOpen = await client.Http.GetAsync("api/v1/sessions/current");

        // Assert
        var problem = await ProblemAssertions.AssertProblemAsync(refused, HttpStatusCode.UnprocessableEntity);
        Assert.That(problem.GetProperty("errorCode").GetString(), Is.EqualTo("PASSWORD_INVALID"));
        Assert.That(stillOpen.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Should_refuse_a_wrong_password_with_its_error_code()
    {
        // Arrange
        using var tenant = await TestTenant.CreateAsync(RestGateway.Fixture);
        using var client = new RestClient(RestGateway.Fixture.CreateClient(), tenant);

        // Act
        using var response = await client.Http.PostAsJsonAsync("api/v1/sessions", client.LoginBody(password: "wrong"));

        // Assert
        var problem = await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.That(problem.GetProperty("errorCode").GetString(), Is.EqualTo("PASSWORD_INVALID"));
    }

    [Test]
    public async Task Should_refuse_a_login_without_its_required_fields()
    {
        // Arrange
        using var http = RestGateway.Fixture.CreateClient();

        // Act
        using var response = await http.PostAsJsonAsync("api/v1/sessions", new { tin = "123456789021" });

        // Assert
        var problem = await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("certificate").And.Contain("login").And.Contain("password"));
    }
}
