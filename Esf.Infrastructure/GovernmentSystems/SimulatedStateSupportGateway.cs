using System.Collections.Concurrent;

namespace Esf.Infrastructure.GovernmentSystems;

/// <summary>
/// The ШЭП simulator: accepts every request unless told beforehand to refuse that one (a test or the sandbox's drive endpoint
/// does), so «Не принят ШЭП» is reachable without a real government system.
/// </summary>
public sealed class SimulatedStateSupportGateway : IStateSupportGateway
{
    private readonly ConcurrentDictionary<long, string> _refusals = new();

    /// <summary>The next submission of <paramref name="requestId"/> is not accepted, with <paramref name="reason"/>.</summary>
    public void RefuseNext(long requestId, string reason) => _refusals[requestId] = reason;

    public Task<ShepReceipt> SubmitAsync(IsgoSubmission submission, CancellationToken cancellationToken) =>
        Task.FromResult(_refusals.TryRemove(submission.RequestId, out var reason) ? new ShepReceipt(false, reason) : ShepReceipt.Accept());
}
