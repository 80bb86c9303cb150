using System.Net;
using System.Text.Json;
using NUnit.Framework;

namespace Esf.Tests.Rest;

/// <summary>Checks that a response is an RFC 7807 problem with the expected status, and answers its body for further checks.</summary>
public static class ProblemAssertions
{
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var problem = await RestClient.ReadJsonAsync(response);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(status), problem.ToString());
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(problem.ValueKind, Is.EqualTo(JsonValueKind.Object));
        }

        Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo((int)status));
        Assert.That(problem.TryGetProperty("title", out _), Is.True, "a problem has a title");
        return problem;
    }
}
