namespace Esf.Tests.Infrastructure.Processes;

/// <summary>What the clients of an <see cref="InvoiceLoad"/> were told.</summary>
/// <param name="AcceptedIds">Every invoice id answered as accepted, over all uploads.</param>
/// <param name="Uploads">Uploads sent (each with its own Idempotency-Key).</param>
/// <param name="Retries">Requests repeated with the same key after a failure.</param>
/// <param name="RepeatsDiffering">Uploads whose final repeat with the same key got another answer (must be 0).</param>
/// <param name="Elapsed">Wall time of the uploads (without the final repeats).</param>
/// <param name="RetryReasons">Why requests were repeated: an HTTP status ("HTTP 503") or an exception type, with counts.</param>
public sealed record LoadOutcome(
    IReadOnlyList<long> AcceptedIds, int Uploads, int Retries, int RepeatsDiffering, TimeSpan Elapsed, IReadOnlyDictionary<string, int> RetryReasons);
