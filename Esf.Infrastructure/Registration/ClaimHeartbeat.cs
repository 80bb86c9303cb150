using Esf.Infrastructure.Messaging;
using Npgsql;

namespace Esf.Infrastructure.Registration;

/// <summary>
/// Renews a worker's claim while it works on the upload. The relay takes a claim older than the lease for a worker that
/// died, republishes the upload and, after RelayMaxAttempts such claims, fails it with API-06; without the renewal a slow
/// but healthy worker (a starved CPU, a large upload, a slow database) would look dead after one lease.
/// </summary>
internal sealed class ClaimHeartbeat : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task beating;

    private ClaimHeartbeat(NpgsqlDataSource database, long uploadId, string token, TimeSpan every) =>
        beating = BeatAsync(database, uploadId, token, every, stop.Token);

    /// <summary>Renews the claim recorded as <paramref name="token"/> every <paramref name="every"/> until disposed.</summary>
    public static ClaimHeartbeat Start(NpgsqlDataSource database, long uploadId, string token, TimeSpan every) =>
        new(database, uploadId, token, every);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await beating;
        stop.Dispose();
    }

    private static async Task BeatAsync(NpgsqlDataSource database, long uploadId, string token, TimeSpan every, CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(every);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                try
                {
                    await UploadOutbox.RenewAsync(database, uploadId, token, stopping);
                }
                catch (Exception e) when (e is NpgsqlException or TimeoutException)
                {
                    // A missed beat only lets the claim age: at worst the relay republishes and the verdict's locks keep the
                    // work exactly-once. The next beat tries again.
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed: the work is done (or abandoned) and the claim is left as it is.
        }
    }
}
