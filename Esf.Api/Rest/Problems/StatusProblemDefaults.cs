using Microsoft.AspNetCore.Mvc;

namespace Esf.Api.Rest.Problems;

/// <summary>
/// Fills in errorCode and detail for problems that only have a status: those the status-code-pages middleware writes when the
/// framework refuses a request before any handler runs (unreadable JSON, a body over the limit, an unknown route).
/// </summary>
public static class StatusProblemDefaults
{
    private static readonly Dictionary<int, (string ErrorCode, string Detail)> Defaults = new()
    {
        [StatusCodes.Status400BadRequest] =
            ("FIELD_INVALID", "The request could not be read: check that the body is valid JSON of the documented shape."),
        [StatusCodes.Status404NotFound] = ("NOT_FOUND", "There is no such resource."),
        [StatusCodes.Status405MethodNotAllowed] = ("METHOD_NOT_ALLOWED", "The resource does not accept this method."),
        [StatusCodes.Status413PayloadTooLarge] =
            ("REQUEST_TOO_LARGE", "The request body is larger than this gateway accepts (Esf:MaxRequestBytes)."),
    };

    public static void Apply(ProblemDetails problem)
    {
        if (problem.Extensions.ContainsKey("errorCode") || problem.Status is not { } status
            || !Defaults.TryGetValue(status, out var defaults))
        {
            return;
        }

        problem.Extensions["errorCode"] = defaults.ErrorCode;
        problem.Detail ??= defaults.Detail;
    }
}
