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
