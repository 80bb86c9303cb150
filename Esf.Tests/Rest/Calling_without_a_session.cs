using System.Net;
using System.Net.Http.Headers;
using NUnit.Framework;

namespace Esf.Tests.Rest;

[TestFixture]
public sealed class Calling_without_a_session
{
    [TestCase(null, TestName = "Should_answer_401_problem_without_a_bearer")]
    [TestCase("no-such-session", TestName = "Should_answer_401_problem_for_an_unknown_session")]
    public async Task Should_answer_401_problem(string? sessionId)
    {
        // Arrange
        using var http = RestGateway.Fixture.CreateClient();
        if (sessionId is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", sessionId);
        }

        // Act
        using var response = await http.GetAsync("api/v1/invoices/1/status");

        // Assert
        var problem = await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.That(response.Headers.WwwAuthenticate.Select(h => h.Scheme), Is.EqualTo(new[] { "Bearer" }));
        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo("No open session associated with user."));
    }
}
