namespace Esf.Infrastructure.Persistence;

/// <summary>
/// PostgreSQL refuses to run as root: as root, the cluster's folder is given to the <c>postgres</c> user and the tools
/// run through <c>runuser -u postgres --</c>.
/// </summary>
internal static class ServiceUser
{
    public const string Name = "postgres";

    /// <summary>True when running as root, so the tools must run as <see cref="Name"/>.</summary>
    public static bool IsNeeded()
    {
        if (Environment.UserName == "root")
        {
            return true;
        }

        try
        {
            // "Uid:\treal\teffective\tsaved\tfs"
            var uidLine = File.ReadLines("/proc/self/status").FirstOrDefault(line => line.StartsWith("Uid:", StringComparison.Ordinal));
            var fields = uidLine?.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            return fields is { Length: >= 3 } && fields[2] == "0";
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// Gives <paramref name="folder"/> to the postgres user and returns the folder to keep the cluster in: the folder
    /// itself, or, when the postgres user cannot reach it (a parent such as /root is private), a folder under
    /// /var/tmp named after it, recorded in <c>&lt;folder&gt;/relocated-to</c>.
    /// </summary>
    public static async Task<string> PrepareFolderAsync(string folder, Action<string> log, CancellationToken cancellationToken)
    {
        var id = await ExternalTool.RunAsync("id", ["-u", Name], null, cancellationToken).ConfigureAwait(false);
        if (id.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"Running as root, but there is no '{Name}' user to run PostgreSQL as (PostgreSQL refuses to run as root). "
                + "Install the postgresql package or create the user (useradd --system postgres).");
        }

        var relocation = ClusterLayout.RelocationFileOf(folder);
        await ChownAsync(folder, recursive: true, cancellationToken).ConfigureAwait(false);
        if (await CanUseAsync(folder, cancellationToken).ConfigureAwait(false))
        {
            File.Delete(relocation);
            return folder;
        }

        var elsewhere = Path.Combine("/var/tmp", "esf-pg-" + ClusterLayout.ShortHashOf(folder));
        log($"User {Name} cannot reach {folder} (a parent folder is private): keeping the cluster in {elsewhere}");
        Directory.CreateDirectory(elsewhere);
        await File.WriteAllTextAsync(relocation, elsewhere + "\n", cancellationToken).ConfigureAwait(false);
        await ChownAsync(elsewhere, recursive: true, cancellationToken).ConfigureAwait(false);
        if (!await CanUseAsync(elsewhere, cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException(
                $"User '{Name}' can use neither {folder} nor {elsewhere}: put the cluster folder somewhere it can reach.");
        }

        return elsewhere;
    }

    public static async Task ChownAsync(string path, bool recursive, CancellationToken cancellationToken)
    {
        string[] arguments = recursive ? ["-R", Name + ":", path] : [Name + ":", path];
        var result = await ExternalTool.RunAsync("chown", arguments, null, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"Could not give {path} to user {Name}:{Environment.NewLine}{result.Describe()}");
        }
    }

    /// <summary>Runs <paramref name="fileName"/> as <see cref="Name"/> through runuser.</summary>
    public static Task<ToolResult> RunAsync(
        string fileName, IReadOnlyList<string> arguments, string? workingDirectory, CancellationToken cancellationToken) =>
        ExternalTool.RunAsync(RunUserPath(), ["-u", Name, "--", fileName, .. arguments], workingDirectory, cancellationToken);

    private static async Task<bool> CanUseAsync(string folder, CancellationToken cancellationToken)
    {
        var result = await RunAsync("test", ["-w", folder, "-a", "-x", folder], null, cancellationToken).ConfigureAwait(false);
        return result.ExitCode == 0;
    }

    private static string RunUserPath()
    {
        foreach (var candidate in new[] { "/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser", "/bin/runuser" })
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            "Running as root needs 'runuser' (package util-linux) to run PostgreSQL as the postgres user, but it was not found.");
    }
}
