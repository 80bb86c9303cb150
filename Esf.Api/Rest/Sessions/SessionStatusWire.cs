using Esf.Infrastructure.Sessions;

namespace Esf.Api.Rest.Sessions;

/// <summary>The wire names of <see cref="SessionStatus"/>, the same ones SOAP answers.</summary>
public static class SessionStatusWire
{
    public static string ToWire(this SessionStatus status) => status switch
    {
        SessionStatus.Ok => "OK",
        SessionStatus.Closed => "CLOSED",
        SessionStatus.NotFound => "NOT_FOUND",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
