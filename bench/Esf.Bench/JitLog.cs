namespace Esf.Bench;

/// <summary>Methods the JIT compiled, by tier: tier 0 (quick, or instrumented for PGO) and optimised (tier 1, OSR, or fully optimised).</summary>
public readonly record struct JitCount(int Tier0, int Optimized)
{
    public int Total => Tier0 + Optimized;

    public static JitCount operator -(JitCount a, JitCount b) => new(a.Tier0 - b.Tier0, a.Optimized - b.Optimized);

    public override string ToString() => $"{Total} methods ({Tier0} tier 0, {Optimized} optimised)";
}

/// <summary>
/// Reads what the gateway and the worker JIT-compiled, from the perf map the runtime writes when <see cref="Environment"/> is set (one line
/// per compiled method, its tier in brackets; written at compile time only, so it costs nothing in steady state). Compilations
/// inside the measured window mean the warm-up was too short: the window then measured tier-0 code and the background JIT.
/// </summary>
public static class JitLog
{
    /// <summary>The variables that make a .NET process write <c>perf-PID.map</c> into <paramref name="directory"/>, tiers shown.</summary>
    public static IReadOnlyDictionary<string, string> Environment(string directory) => new Dictionary<string, string>
    {
        ["DOTNET_PerfMapEnabled"] = "3", // the perf map only (1 would add a jitdump)
        ["DOTNET_PerfMapShowOptimizationTiers"] = "1",
        ["DOTNET_PerfMapJitDumpPath"] = directory,
    };

    /// <summary>What process <paramref name="pid"/> compiled so far; zero when it writes no map.</summary>
    public static JitCount Read(string directory, int pid)
    {
        var file = Path.Combine(directory, $"perf-{pid}.map");
        if (!File.Exists(file))
        {
            return default;
        }

        var (tier0, optimized) = (0, 0);
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            // e.g. "7f… 3e int32 [esf] Esf.X::Y()[QuickJitted]"; stubs ("… stub …") are not compilations.
            if (line.EndsWith("[QuickJitted]", StringComparison.Ordinal) || line.EndsWith("[MinOptJitted]", StringComparison.Ordinal)
                || line.Contains("[Instrumented", StringComparison.Ordinal))
            {
                tier0++;
            }
            else if (line.EndsWith("[OptimizedTier1]", StringComparison.Ordinal) || line.EndsWith("[OptimizedTier1OSR]", StringComparison.Ordinal)
                     || line.EndsWith("[Optimized]", StringComparison.Ordinal))
            {
                optimized++;
            }
        }

        return new JitCount(tier0, optimized);
    }
}
