using System.Collections.Concurrent;
using Esf.Infrastructure;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Sessions;
using Microsoft.Extensions.Options;

namespace Esf.Api.Rest.Auth;

/// <summary>
/// The event streams and exports in flight (security review H5): at most <c>Esf:Quotas:ConcurrentStreamsPerTenant</c> per
/// enterprise at once, in this process, and each ends once its credential no longer holds, checked every
/// <c>Esf:Quotas:StreamRecheckSeconds</c> by the gateway's clock.
/// </summary>
public sealed class LongResponses(CredentialRecheck recheck, TimeProvider clock, IOptions<QuotaOptions> quotas)
{
    /// <summary>How long a refused client should wait: about the time an export or a reconnecting stream takes.</summary>
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, int> _open = new();

    /// <summary>
    /// Starts a long response for <paramref name="caller"/>, or throws <see cref="TooManyRequestsException"/> when its
    /// enterprise already has as many open as it may. Call it before the response's headers are written.
    /// </summary>
    public LongResponse Begin(SessionContext caller, CancellationToken aborted)
    {
        if (_open.AddOrUpdate(caller.Tin, 1, (_, count) => count + 1) > quotas.Value.ConcurrentStreamsPerTenant)
        {
            End(caller.Tin);
            throw new TooManyRequestsException(RetryAfter);
        }

        return new LongResponse(
            this, caller, TimeSpan.FromSeconds(quotas.Value.StreamRecheckSeconds), clock, aborted);
    }

    /// <summary>How many streams and exports the enterprise has open in this process.</summary>
    public int OpenFor(string tin) => _open.GetValueOrDefault(tin);

    internal Task<bool> HoldsAsync(SessionContext caller, CancellationToken cancellationToken) => recheck.HoldsAsync(caller, cancellationToken);

    internal void End(string tin) => _open.AddOrUpdate(tin, 0, (_, count) => count - 1);
}

/// <summary>
/// One stream or export: <see cref="Token"/> is cancelled when the client goes away or the credential stops holding
/// (<see cref="CredentialEnded"/>). Disposing it frees its place.
/// </summary>
public sealed class LongResponse : IAsyncDisposable
{
    /// <summary>How often the watch looks at the clock; the credential itself is read only once the recheck interval passed.</summary>
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    private readonly LongResponses _owner;
    private readonly SessionContext _caller;
    private readonly TimeSpan _recheckEvery;
    private readonly TimeProvider _clock;
    private readonly CancellationTokenSource _cancel;
    private readonly Task _watch;
    private DateTimeOffset _checkedAt;

    internal LongResponse(LongResponses owner, SessionContext caller, TimeSpan recheckEvery, TimeProvider clock, CancellationToken aborted)
    {
        (_owner, _caller, _recheckEvery, _clock) = (owner, caller, recheckEvery, clock);
        _checkedAt = clock.GetUtcNow();
        _cancel = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        _watch = WatchAsync();
    }

    public CancellationToken Token => _cancel.Token;

    /// <summary>The response was cut because its session closed or idled out, or its API key was revoked or expired.</summary>
    public bool CredentialEnded { get; private set; }

    /// <summary>
    /// One look at the clock: once the recheck interval has passed since the last check, reads the credential again and
    /// cancels <see cref="Token"/> when it no longer holds. Answers whether the response may go on.
    /// </summary>
    public async Task<bool> CheckAsync()
    {
        if (_clock.GetUtcNow() - _checkedAt < _recheckEvery)
        {
            return true;
        }

        if (!await _owner.HoldsAsync(_caller, _cancel.Token))
        {
            CredentialEnded = true;
            await _cancel.CancelAsync();
            return false;
        }

        _checkedAt = _clock.GetUtcNow();
        return true;
    }

    private async Task WatchAsync()
    {
        try
        {
            do
            {
                await Task.Delay(Poll, _cancel.Token);
            }
            while (await CheckAsync());
        }
        catch (OperationCanceledException)
        {
            // The response ended (client gone, or disposed): nothing to watch.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _cancel.CancelAsync();
        await _watch;
        _cancel.Dispose();
        _owner.End(_caller.Tin);
    }
}
