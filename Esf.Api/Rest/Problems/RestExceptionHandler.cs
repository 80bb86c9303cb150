using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Resilience;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Esf.Api.Rest.Problems;

/// <summary>
/// The one place where exceptions become RFC 7807 problems for the REST API. SOAP paths are left alone: SOAP clients expect
/// faults in envelopes, which the SOAP endpoints write themselves.
/// </summary>
public sealed class RestExceptionHandler(IProblemDetailsService problems, ILogger<RestExceptionHandler> logger) : IExceptionHandler
{
    private const string SoapPathPrefix = "/esf-web";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (httpContext.Request.Path.StartsWithSegments(SoapPathPrefix) || httpContext.Response.HasStarted)
        {
            return false;
        }

        var problem = ToProblem(exception);
        if (problem.Status == StatusCodes.Status500InternalServerError)
        {
            logger.LogError(exception, "Unexpected error on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }
        else if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            // A database or broker restart (the fault suite does them): the client should simply repeat, with its Idempotency-Key.
            logger.LogWarning(exception, "Transient failure on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            httpContext.Response.Headers[HeaderNames.RetryAfter] = "1";
        }
        else if (exception is TooManyRequestsException limited)
        {
            Hosting.RateLimitingSetup.AnnounceRetry(httpContext, limited);
        }
        else if (problem.Status == StatusCodes.Status401Unauthorized)
        {
            httpContext.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static ProblemDetails ToProblem(Exception exception) => exception switch
    {
        EsfException esf => FromEsf(esf),
        TooManyRequestsException limited => Hosting.RateLimitingSetup.Problem(limited.Message),
        // Kestrel's and the binder's refusals (too large, unreadable): StatusProblemDefaults words them like the status pages do.
        BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode },
        _ when TransientFaults.IsTransient(exception) => Problem(StatusCodes.Status503ServiceUnavailable, "Temporarily unavailable",
            "The gateway's database or message broker is briefly unavailable; repeat the request (uploads with the same Idempotency-Key).",
            "SERVICE_UNAVAILABLE"),
        // Anything else is a bug or an outage; its text may name internals, so the client only learns that it happened.
        _ => Problem(StatusCodes.Status500InternalServerError, "Unexpected error", "The gateway could not process the request.",
            "UNEXPECTED_ERROR"),
    };

    /// <summary>
    /// The kind of the error, and nothing else, decides the status (ADR 0005). A fault without an errorCode of the real API
    /// still gets one, named after its kind, so clients can always switch on status and code.
    /// </summary>
    private static ProblemDetails FromEsf(EsfException exception)
    {
        var (status, title, kindCode) = exception.Kind switch
        {
            EsfFaultKind.InvalidInput => (StatusCodes.Status400BadRequest, "Malformed request", EsfException.InvalidInputCode),
            EsfFaultKind.SessionClosed => (StatusCodes.Status401Unauthorized, "Session required", "SESSION_CLOSED"),
            EsfFaultKind.AccessDenied => (StatusCodes.Status403Forbidden, "Access denied", "ACCESS_DENIED"),
            EsfFaultKind.NotFound => (StatusCodes.Status404NotFound, "Not found", "NOT_FOUND"),
            EsfFaultKind.Conflict => (StatusCodes.Status409Conflict, "Conflict", "CONFLICT"),
            _ => (StatusCodes.Status422UnprocessableEntity, "Request refused", "BUSINESS_ERROR"),
        };
        // Message, not Description: the REST problem never echoes a secret the SOAP wire text must carry (the open session's id).
        var problem = Problem(status, title, exception.Message, exception.ErrorCode ?? kindCode);
        if (exception is RuleRefusal refusal)
        {
            problem.Extensions["ruleId"] = refusal.RuleId;
        }

        return problem;
    }

    private static ProblemDetails Problem(int status, string title, string detail, string errorCode) => new()
    {
        Status = status,
        Title = title,
        Detail = detail,
        Extensions = { ["errorCode"] = errorCode },
    };
}
