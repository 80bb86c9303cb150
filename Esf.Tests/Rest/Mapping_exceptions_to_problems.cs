using System.Text.Json;
using Esf.Api.Rest;
using Esf.Api.Rest.Problems;
using Esf.Infrastructure.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NUnit.Framework;

namespace Esf.Tests.Rest;

[TestFixture]
public sealed class Mapping_exceptions_to_problems
{
    private static readonly TestCaseData[] Cases =
    [
        new TestCaseData(EsfException.SessionClosed(), 401, "SESSION_CLOSED").SetName("Should_map_a_closed_session_to_401"),
        new TestCaseData(EsfException.AccessDenied("Нет прав"), 403, "ACCESS_DENIED").SetName("Should_map_access_denied_to_403"),
        new TestCaseData(EsfException.Code("PASSWORD_INVALID"), 422, "PASSWORD_INVALID").SetName("Should_map_a_business_fault_to_422"),
        new TestCaseData(EsfException.IdempotencyKeyReused("k"), 409, "IDEMPOTENCY_KEY_REUSED")
            .SetName("Should_map_a_reused_idempotency_key_to_409"),
        new TestCaseData(EsfException.NotFound("No invoice 7."), 404, "NOT_FOUND").SetName("Should_map_an_unknown_resource_to_404"),
        new TestCaseData(EsfException.InvalidInput("cursor «x» is not a cursor."), 400, "FIELD_INVALID")
            .SetName("Should_map_invalid_input_to_400"),
        new TestCaseData(EsfException.Conflict("CREATED → CREATED", "WRONG_STATUS"), 409, "WRONG_STATUS")
            .SetName("Should_map_a_conflict_to_409"),
        new TestCaseData(new BadHttpRequestException("too big", 413), 413, "REQUEST_TOO_LARGE")
            .SetName("Should_map_a_body_too_large_to_413"),
    ];

    [TestCaseSource(nameof(Cases))]
    public async Task Should_map(Exception exception, int status, string errorCode)
    {
        // Act
        var (context, problem) = await HandleAsync(exception);

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(context.Response.StatusCode, Is.EqualTo(status));
            Assert.That(context.Response.ContentType, Is.EqualTo("application/problem+json"));
            Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo(status));
            Assert.That(problem.GetProperty("errorCode").GetString(), Is.EqualTo(errorCode));
        }
    }

    [Test]
    public async Task Should_answer_500_without_the_text_of_an_unexpected_exception()
    {
        // Act
        var (context, problem) = await HandleAsync(new InvalidOperationException("Host=db;Password=secret"));

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(context.Response.StatusCode, Is.EqualTo(500));
            Assert.That(problem.GetProperty("errorCode").GetString(), Is.EqualTo("UNEXPECTED_ERROR"));
            Assert.That(problem.ToString(), Does.Not.Contain("secret"));
        }
    }

    [Test]
    public async Task Should_leave_soap_paths_to_the_soap_endpoints()
    {
        // Arrange
        await using var services = Services();
        var context = new DefaultHttpContext { RequestServices = services, Request = { Path = "/esf-web/ws/api1/SessionService" } };

        // Act
        var handled = await Handler(services).TryHandleAsync(context, EsfException.SessionClosed(), CancellationToken.None);

        // Assert
        Assert.That(handled, Is.False);
    }

    private static async Task<(HttpContext Context, JsonElement Problem)> HandleAsync(Exception exception)
    {
        await using var services = Services();
        var body = new MemoryStream();
        var context = new DefaultHttpContext
        {
            RequestServices = services,
            Request = { Path = "/api/v1/invoices" },
            Response = { Body = body },
        };
        var handled = await Handler(services).TryHandleAsync(context, exception, CancellationToken.None);
        Assert.That(handled, Is.True);
        return (context, JsonDocument.Parse(body.ToArray()).RootElement.Clone());
    }

    private static ServiceProvider Services() => new ServiceCollection().AddLogging().AddRestEndpoints().BuildServiceProvider();

    private static RestExceptionHandler Handler(IServiceProvider services) =>
        new(services.GetRequiredService<IProblemDetailsService>(), NullLogger<RestExceptionHandler>.Instance);
}
