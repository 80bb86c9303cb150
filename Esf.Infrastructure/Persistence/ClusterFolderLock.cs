namespace Esf.Infrastructure.Persistence;

/// <summary>
/// One starter at a time per cluster folder (e.g. two test runs): <c>.start.lock</c> held open with no sharing, which
/// .NET flocks on Unix.
/// </summary>
internal static class ClusterFolderLock
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <summary>Waits (up to 5 minutes) for the folder's lock; disposing the result releases it.</summary>
    public static async Task<IAsyncDisposable> AcquireAsync(string folder, CancellationToken cancellationToken)
    {
        var path = ClusterLayout.LockFileOf(folder);
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
