namespace Esf.Infrastructure.Errors;

/// <summary>
/// A request refused because its tenant spent its rate budget: 429 with <c>Retry-After</c> (a SOAP fault on SOAP, a
/// RATE_LIMITED problem on REST), worded like the limiter's own refusals.
/// </summary>
public sealed class TooManyRequestsException(TimeSpan retryAfter) : Exception(Describe(retryAfter))
{
    public int RetryAfterSeconds { get; } = Seconds(retryAfter);

    public static int Seconds(TimeSpan retryAfter) => Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));

    public static string Describe(TimeSpan retryAfter) => $"Too many requests; retry after {Seconds(retryAfter)} seconds.";
}
