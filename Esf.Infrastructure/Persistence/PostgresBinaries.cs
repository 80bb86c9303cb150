using System.Diagnostics;
using System.Globalization;

namespace Esf.Infrastructure.Persistence;

/// <summary>Finds the PostgreSQL server binaries (version 15 preferred) and runs them.</summary>
internal static class PostgresBinaries
{
    private static readonly string[] RequiredTools = ["initdb", "pg_ctl", "postgres"];

    /// <summary>The first folder holding initdb, pg_ctl and postgres.</summary>
    public static string FindBinDirectory()
    {
        var tried = new List<string>();
        foreach (var candidate in CandidateBinDirectories())
        {
            tried.Add(candidate);
            if (RequiredTools.All(tool => File.Exists(Path.Combine(candidate, tool))))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl, postgres) were not found; looked in: "
            + string.Join(", ", tried.Distinct())
            + ". Install PostgreSQL 15 (Debian: apt-get install postgresql-15) or put its bin folder on PATH.");
    }

    /// <summary>Runs <paramref name="tool"/> of <paramref name="binDirectory"/>, as the service user when asked.</summary>
    public static Task<ToolResult> RunAsync(
        string binDirectory, string tool, IReadOnlyList<string> arguments, bool runAsServiceUser, string workingDirectory,
        CancellationToken cancellationToken)
    {
        var path = Path.Combine(binDirectory, tool);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"PostgreSQL tool '{tool}' not found at {path}.");
        }

        return runAsServiceUser
            ? ServiceUser.RunAsync(path, arguments, workingDirectory, cancellationToken)
            : ExternalTool.RunAsync(path, arguments, workingDirectory, cancellationToken);
    }

    private static IEnumerable<string> CandidateBinDirectories()
    {
        yield return "/usr/lib/postgresql/15/bin";

        var fromPgConfig = PgConfigBinDirectory();
        if (fromPgConfig is not null)
        {
            yield return fromPgConfig;
        }

        foreach (var entry in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            if (entry.Length > 0)
            {
                yield return entry;
            }
        }

        // Another Debian major version, newest first.
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            foreach (var versionDirectory in Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(VersionOf))
            {
                yield return Path.Combine(versionDirectory, "bin");
            }
        }

        static int VersionOf(string directory) =>
            int.TryParse(Path.GetFileName(directory), NumberStyles.Integer, CultureInfo.InvariantCulture, out var version) ? version : 0;
    }

    private static string? PgConfigBinDirectory()
    {
        try
        {
            var start = new ProcessStartInfo("pg_config", "--bindir")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEnd().Trim();
            return process.WaitForExit(10_000) && process.ExitCode == 0 && output.Length > 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no pg_config on PATH
        }
    }
}
