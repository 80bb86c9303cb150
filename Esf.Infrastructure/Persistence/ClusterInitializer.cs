using System.Diagnostics;

namespace Esf.Infrastructure.Persistence;

/// <summary>Makes the cluster of a folder once, with initdb: trust auth for loopback only, UTF8, locale C.</summary>
internal static class ClusterInitializer
{
    /// <summary>The superuser initdb creates; the connection strings log in as it.</summary>
    public const string SuperUser = "postgres";

    public static async Task InitDbIfNeededAsync(
        string folder, string binDirectory, bool runAsServiceUser, Action<string> log, CancellationToken cancellationToken)
    {
        var data = ClusterLayout.DataDirectoryOf(folder);
        if (File.Exists(Path.Combine(data, "PG_VERSION")))
        {
            return;
        }

        if (Directory.Exists(data) && Directory.EnumerateFileSystemEntries(data).Any())
        {
            throw new InvalidOperationException(
                $"{data} is not empty but holds no PostgreSQL cluster (no PG_VERSION); remove it to let it be made anew.");
        }

        // initdb into a side folder, then rename: an interrupted initdb never leaves a half-made cluster behind.
        var staging = Path.Combine(folder, "data.initdb");
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        log($"initdb {data}");
        var stopwatch = Stopwatch.StartNew();
        var result = await PostgresBinaries.RunAsync(
            binDirectory, "initdb",
            [
                "-D", staging, "-U", SuperUser, "--auth-local=trust", "--auth-host=trust", "-E", "UTF8", "--locale=C",
                "--no-instructions",
            ],
            runAsServiceUser, folder, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"initdb failed for {data}:{Environment.NewLine}{result.Describe()}");
        }

        // initdb's pg_hba.conf trusts local sockets and 127.0.0.1/::1 only; the server listens on 127.0.0.1 only.
        await File.AppendAllTextAsync(
            Path.Combine(staging, "postgresql.conf"),
            $"{Environment.NewLine}# Added by Esf: per-start settings (port, listen address, socket folder).{Environment.NewLine}"
            + $"include_if_exists = '{ClusterLayout.SettingsFileName}'{Environment.NewLine}",
            cancellationToken).ConfigureAwait(false);
        if (Directory.Exists(data))
        {
            Directory.Delete(data);
        }

        Directory.Move(staging, data);
        log($"initdb done in {stopwatch.Elapsed.TotalSeconds:0.0}s");
    }
}
