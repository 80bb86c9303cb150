using System.Net;
using System.Text;
using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Rest;

[TestFixture]
public sealed class Sending_malformed_requests
{
    [Test]
    public async Task Should_answer_400_problem_for_invalid_json()
    {
        // Arrange
        using var client = await RestClient.LogInAsync();
        using var content = new StringContent("{\"certificate\": \"x\", \"invoices\": [", Encoding.UTF8, "application/json");

        // Act
        using var response = await client.Http.PostAsync("api/v1/invoices", content);

        // Assert
        await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Should_answer_413_problem_for_a_body_over_the_limit()
    {
        // Arrange: a gateway of its own with a small limit, so that the test need not send megabytes.
        const int Limit = 64 * 1024;
        await using var fixture = await GatewayFixture.StartAsync(
            roles: "gateway", settings: new Dictionary<string, string?> { ["Esf:MaxRequestBytes"] = Limit.ToString() });
        using var http = fixture.CreateClient();
        using var content = new StringContent(
            $"{{\"tin\": \"{new string('1', Limit)}\"}}", Encoding.UTF8, "application/json");

        // Act
        using var response = await http.PostAsync("api/v1/sessions", content);

        // Assert
        var problem = await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.That(problem.GetProperty("errorCode").GetString(), Is.EqualTo("REQUEST_TOO_LARGE"));
    }

    [Test]
    public async Task Should_answer_404_problem_for_an_unknown_route()
    {
        // Arrange
        using var http = RestGateway.Fixture.CreateClient();

        // Act
        using var response = await http.GetAsync("api/v1/no-such-thing");

        // Assert
        await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }
}
