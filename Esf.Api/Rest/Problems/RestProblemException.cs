namespace Esf.Api.Rest.Problems;

/// <summary>
/// A refusal that only the REST surface knows (a malformed envelope, an unknown resource). It is thrown rather than returned
/// so that every problem response, whatever raised it, is written by <see cref="RestExceptionHandler"/> alone.
/// </summary>
public sealed class RestProblemException(int status, string title, string detail, string errorCode) : Exception(detail)
{
    public int Status { get; } = status;

    public string Title { get; } = title;

    public string ErrorCode { get; } = errorCode;

    public static RestProblemException Malformed(string detail) =>
        new(StatusCodes.Status400BadRequest, "Malformed request", detail, "FIELD_INVALID");

    public static RestProblemException NotFound(string detail) =>
        new(StatusCodes.Status404NotFound, "Not found", detail, "NOT_FOUND");
}
