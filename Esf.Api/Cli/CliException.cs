namespace Esf.Api.Cli;

/// <summary>A failure the user can act on; its message is printed as is, without a stack trace.</summary>
public sealed class CliException(string message, int exitCode = CliException.Failure) : Exception(message)
{
    public const int Failure = 1;
    public const int Usage = 2;

    public int ExitCode { get; } = exitCode;

    /// <summary>The gateway's errorCode when it refused the request (e.g. <c>SESSION_ALREADY_OPEN</c>).</summary>
    public string? ErrorCode { get; init; }
}
