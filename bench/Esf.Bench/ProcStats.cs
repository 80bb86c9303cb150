using System.Globalization;

namespace Esf.Bench;

/// <summary>CPU time and peak memory of processes, read from /proc (Linux only).</summary>
public static class ProcStats
{
    private const double TicksPerSecond = 100; // USER_HZ: 100 on every Linux this runs on (getconf CLK_TCK)

    /// <summary>user + system CPU seconds of <paramref name="pid"/>; with <paramref name="children"/> also of its reaped children.</summary>
    public static double CpuSeconds(int pid, bool children = false)
    {
        var fields = StatFields(pid);
        if (fields is null)
        {
            return 0;
        }

        // After "pid (comm)": [0]=state … [11]=utime [12]=stime [13]=cutime [14]=cstime (fields 14-17 of proc(5)).
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        if (children)
        {
            ticks += long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
        }

        return ticks / TicksPerSecond;
    }

    /// <summary>
    /// CPU seconds of a process tree root and its live children plus those already reaped: how PostgreSQL's postmaster and its
    /// backends (which come and go with connections) are counted.
    /// </summary>
    public static double TreeCpuSeconds(int rootPid)
    {
        var total = CpuSeconds(rootPid, children: true);
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid)
                && StatFields(pid) is { } fields && fields[1] == rootPid.ToString(CultureInfo.InvariantCulture))
            {
                total += CpuSeconds(pid);
            }
        }

        return total;
    }

    /// <summary>Peak resident set size (VmHWM) in MB, or 0 when the process is gone.</summary>
    public static double PeakRssMb(int pid) => StatusMb(pid, "VmHWM:");

    /// <summary>Resident set size now (VmRSS) in MB, or 0 when the process is gone.</summary>
    public static double RssMb(int pid) => StatusMb(pid, "VmRSS:");

    private static double StatusMb(int pid, string key)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
            var kb = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
            return kb is null ? 0 : long.Parse(kb, CultureInfo.InvariantCulture) / 1024.0;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>Busy CPU seconds of the whole machine so far (every core; all of /proc/stat's "cpu" line but idle and iowait).</summary>
    public static double MachineBusySeconds()
    {
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var values = cpu.Skip(1).Take(8).Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        return (values.Sum() - values[3] - values[4]) / TicksPerSecond;
    }

    public static bool IsAlive(int pid) => Directory.Exists($"/proc/{pid}");

    private static string[]? StatFields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
