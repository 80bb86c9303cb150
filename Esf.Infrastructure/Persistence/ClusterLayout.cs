using System.Text;

namespace Esf.Infrastructure.Persistence;

/// <summary>
/// Where things are in a cluster's folder: <c>data/</c> (PGDATA), <c>run/</c> (the unix socket), <c>server.log</c>,
/// <c>data/esf.conf</c> (per-start settings), <c>.start.lock</c>, and <c>relocated-to</c> (see
/// <see cref="ServiceUser.PrepareFolderAsync"/>).
/// </summary>
internal static class ClusterLayout
{
    public const string SettingsFileName = "esf.conf";
    private const string RelocationFileName = "relocated-to";
    private const int MaxUnixSocketPathLength = 100;

    public static string DataDirectoryOf(string folder) => Path.Combine(folder, "data");

    public static string PidFileOf(string folder) => Path.Combine(DataDirectoryOf(folder), "postmaster.pid");

    public static string ServerLogOf(string folder) => Path.Combine(folder, "server.log");

    public static string LockFileOf(string folder) => Path.Combine(folder, ".start.lock");

    public static string RelocationFileOf(string folder) => Path.Combine(folder, RelocationFileName);

    /// <summary>The folder the cluster of <paramref name="folder"/> was moved to, or <paramref name="folder"/> itself.</summary>
    public static async Task<string> ResolveRelocationAsync(string folder, CancellationToken cancellationToken)
    {
        var relocation = RelocationFileOf(folder);
        return File.Exists(relocation)
            ? (await File.ReadAllTextAsync(relocation, cancellationToken).ConfigureAwait(false)).Trim()
            : folder;
    }

    public static string SocketDirectoryFor(string folder)
    {
        var inside = Path.Combine(folder, "run");
        // A unix socket path is limited to ~107 bytes: ".s.PGSQL.NNNNN.lock" must still fit.
        if (Encoding.UTF8.GetByteCount(inside) + 20 <= MaxUnixSocketPathLength)
        {
            return inside;
        }

        return Path.Combine(Path.GetTempPath(), "esf-pg-" + ShortHashOf(folder));
    }

    /// <summary>12 hex digits naming <paramref name="folder"/>, for folders kept elsewhere on its behalf.</summary>
    public static string ShortHashOf(string folder) =>
        Signatures.Sha256Hex.Of(folder)[..12];
}
