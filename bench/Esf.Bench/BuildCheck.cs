using System.Diagnostics;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;

namespace Esf.Bench;

/// <summary>What was measured: the commit (and whether the work tree had changes), and the runtime settings every process ran with.</summary>
public sealed record BuildInfo(string Commit, IReadOnlyList<string> RuntimeSettings)
{
    public string Describe() => $"commit {Commit}, Release; runtime (gateway, worker and bench alike): {string.Join(", ", RuntimeSettings)}";
}

/// <summary>
/// Refuses to measure what would not be comparable: a service build that is not Release or older than its sources (a stale
/// <c>esf.dll</c> when the bench is run without bench/run.sh), or a bench process whose GC, JIT or thread-pool settings differ from the services'
/// (the in-process limits are measured in the bench process; before issue 17 it ran with dynamic PGO, the services without).
/// </summary>
public static class BuildCheck
{
    /// <summary>runtimeconfig.json properties that change how fast code runs.</summary>
    private static readonly string[] PerformancePrefixes = ["System.GC.", "System.Runtime.Tiered", "System.Threading.ThreadPool."];

    /// <summary>Environment variables that are build or SDK settings, not runtime knobs.</summary>
    private static readonly string[] NotRuntimeKnobs = ["DOTNET_ROOT", "DOTNET_CLI_", "DOTNET_NOLOGO", "DOTNET_SKIP_", "DOTNET_ADD_GLOBAL_TOOLS", "DOTNET_GENERATE_ASPNET", "DOTNET_HOST_PATH"];

    public static BuildInfo Check(string root, string serviceDll)
    {
        var serviceDirectory = Path.GetDirectoryName(serviceDll)!;
        var configuration = Configuration(serviceDll);
        if (configuration != "Release")
        {
            throw new InvalidOperationException($"{serviceDll} is a {configuration} build: build Esf.Api with -c Release (bench/run.sh does).");
        }

        foreach (var (project, assembly) in new[] { ("Esf.Api", "esf.dll"), ("Esf.Infrastructure", "Esf.Infrastructure.dll"), ("Esf.Domain", "Esf.Domain.dll") })
        {
            var built = File.GetLastWriteTimeUtc(Path.Combine(serviceDirectory, assembly));
            var newest = NewestSource(Path.Combine(root, project));
            if (newest is { } source && File.GetLastWriteTimeUtc(source) > built)
            {
                throw new InvalidOperationException($"{assembly} in {serviceDirectory} is older than {Path.GetRelativePath(root, source)}: a stale build. Build Esf.Api -c Release (bench/run.sh does).");
            }
        }

        var service = PerformanceSettings(Path.ChangeExtension(serviceDll, ".runtimeconfig.json"));
        var bench = PerformanceSettings(Path.Combine(AppContext.BaseDirectory, "esf-bench.runtimeconfig.json"));
        if (!service.OrderBy(s => s.Key).SequenceEqual(bench.OrderBy(s => s.Key)))
        {
            throw new InvalidOperationException(
                $"The bench process would run with other GC/JIT/thread-pool settings than the services (services: {Join(service)}; bench: {Join(bench)}): "
                + "its in-process limits would not be comparable. Keep bench/Esf.Bench/Esf.Bench.csproj in step with Esf.Api.csproj.");
        }

        var knobs = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(k => (k.StartsWith("DOTNET_", StringComparison.Ordinal) || k.StartsWith("COMPlus_", StringComparison.Ordinal))
                        && !NotRuntimeKnobs.Any(n => k.StartsWith(n, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal).Select(k => $"{k}={Environment.GetEnvironmentVariable(k)}");
        return new BuildInfo(Report.Commit(root) + (IsDirty(root) ? "+dirty" : ""), [.. service.Select(s => $"{s.Key}={s.Value}"), .. knobs]);
    }

    /// <summary>The AssemblyConfiguration ("Release", "Debug") an assembly was built with, read from its metadata without loading it.</summary>
    public static string Configuration(string assemblyFile)
    {
        using var pe = new PEReader(File.OpenRead(assemblyFile));
        var metadata = pe.GetMetadataReader();
        foreach (var handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = metadata.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind == HandleKind.MemberReference
                && metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent is { Kind: HandleKind.TypeReference } parent
                && metadata.GetString(metadata.GetTypeReference((TypeReferenceHandle)parent).Name) == "AssemblyConfigurationAttribute")
            {
                var value = metadata.GetBlobReader(attribute.Value);
                value.ReadUInt16(); // prolog 0x0001
                return value.ReadSerializedString() ?? "";
            }
        }

        return "unknown";
    }

    private static Dictionary<string, string> PerformanceSettings(string runtimeConfig)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(runtimeConfig));
        return json.RootElement.GetProperty("runtimeOptions").TryGetProperty("configProperties", out var properties)
            ? properties.EnumerateObject().Where(p => PerformancePrefixes.Any(prefix => p.Name.StartsWith(prefix, StringComparison.Ordinal)))
                .ToDictionary(p => p.Name, p => p.Value.ToString())
            : [];
    }

    private static string Join(Dictionary<string, string> settings) =>
        settings.Count == 0 ? "none" : string.Join(", ", settings.OrderBy(s => s.Key).Select(s => $"{s.Key}={s.Value}"));

    private static string? NewestSource(string projectDirectory) =>
        Directory.Exists(projectDirectory)
            ? Directory.EnumerateFiles(projectDirectory, "*", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                            && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                            && Path.GetExtension(f) is ".cs" or ".csproj" or ".sql" or ".xsd" or ".json")
                .MaxBy(File.GetLastWriteTimeUtc)
            : null;

    /// <summary>
    /// Whether tracked files differ from HEAD (the row's commit would not be what was measured); false when git cannot tell.
    /// BENCHMARKS.md is left out: the bench appends its own rows there, so a second run in one clone would call itself dirty.
    /// </summary>
    private static bool IsDirty(string root)
    {
        try
        {
            var start = new ProcessStartInfo("git", ["-C", root, "status", "--porcelain", "--untracked-files=no", "--", ".", ":(exclude)BENCHMARKS.md"])
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            using var git = Process.Start(start)!;
            var output = git.StandardOutput.ReadToEnd();
            git.WaitForExit();
            return git.ExitCode == 0 && output.Trim().Length > 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
