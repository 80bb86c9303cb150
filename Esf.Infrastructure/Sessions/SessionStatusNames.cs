namespace Esf.Infrastructure.Sessions;

/// <summary>The wire names of <see cref="SessionStatus"/>, as SOAP and REST answer them.</summary>
public static class SessionStatusNames
{
    public static string ToWire(this SessionStatus status) => status switch
    {
        SessionStatus.Ok => "OK",
        SessionStatus.Closed => "CLOSED",
        SessionStatus.NotFound => "NOT_FOUND",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
