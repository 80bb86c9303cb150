using System.Net;
using System.Net.Http.Json;
using Esf.Api.Rest.Sandbox;
using NUnit.Framework;

namespace Esf.Tests.Rest;

/// <summary>The sandbox's routes are documented in every gateway but answer 404 while Esf:Sandbox:Enabled is off, key or not.</summary>
[TestFixture]
public sealed class Calling_the_sandbox_when_it_is_off
{
    [Test]
    public async Task Should_answer_404_problem()
    {
        using var http = RestGateway.Fixture.CreateClient();
        http.DefaultRequestHeaders.Add(SandboxFence.KeyHeader, "any-key-any-key-any-key");

        using var response = await http.PostAsJsonAsync("api/v1/sandbox/taxpayers", new { kind = "LEGAL_ENTITY" });

        var problem = await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("Esf:Sandbox:Enabled"));
    }
}
