using System.Globalization;

namespace Esf.Bench;

/// <summary>
/// What the whole machine did during a window, split into the bench's own processes and everything else, so that a run disturbed by
/// other work is found and never used for a claim.
/// </summary>
/// <remarks>
/// Ours are the process trees of the bench itself (gateway, worker and the tools it runs are its children), of the PostgreSQL postmaster
/// and of the RabbitMQ node: their CPU (user + system, with that of their exited children) is subtracted from the machine's busy time
/// in <c>/proc/stat</c>. Interrupt time (mostly the loopback traffic of our own load) is counted apart; steal time — a hypervisor giving
/// our cores to others — counts as other work (a Firecracker guest, like the reference box, reports none, which is why the calibration
/// is measured in every run).
/// </remarks>
public sealed class MachineWatch(Func<IReadOnlyList<int>> roots)
{
    /// <summary>Other work above this share of the machine (all cores) during a window disturbs it.</summary>
    public const double DisturbedShare = 0.1;

    public MachineSnapshot Snapshot() => MachineSnapshot.Take(roots());

    /// <summary>Watches for <paramref name="duration"/>: how busy the machine is with other work before anything starts.</summary>
    public async Task<MachineWindow> SampleAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        var start = Snapshot();
        await Task.Delay(duration, cancellationToken);
        return Snapshot().Since(start);
    }
}

/// <summary>One reading of <c>/proc</c>: the machine's CPU counters, and every process's CPU with whether it is ours.</summary>
public sealed record MachineSnapshot(
    DateTimeOffset At, double Busy, double Interrupts, double Steal, double Ours, IReadOnlyDictionary<(int Pid, long Start), OtherProcess> Others,
    string LoadAverage)
{
    private const double TicksPerSecond = 100; // USER_HZ

    public static MachineSnapshot Take(IReadOnlyList<int> roots)
    {
        var processes = ReadProcesses();
        var parents = processes.ToDictionary(p => p.Pid, p => p.Parent);
        var rootSet = roots.Where(r => r > 0).ToHashSet();
        bool IsOurs(int pid)
        {
            for (var depth = 0; pid > 1 && depth < 64; depth++)
            {
                if (rootSet.Contains(pid))
                {
                    return true;
                }

                if (!parents.TryGetValue(pid, out pid))
                {
                    return false;
                }
            }

            return false;
        }

        var ours = 0.0;
        var others = new Dictionary<(int, long), OtherProcess>();
        foreach (var p in processes)
        {
            if (IsOurs(p.Pid))
            {
                // With the CPU of exited children: a PostgreSQL backend that ended in the window counts through its postmaster.
                ours += p.Cpu + p.ReapedChildrenCpu;
            }
            else
            {
                // Its own CPU only: a reaped child's whole life would otherwise land in this window.
                others[(p.Pid, p.Start)] = new OtherProcess(p.Name, p.Cpu);
            }
        }

        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Skip(1).Take(8).Select(v => long.Parse(v, CultureInfo.InvariantCulture) / TicksPerSecond).ToArray();
        // user nice system idle iowait irq softirq steal: busy is everything but idle and iowait.
        var (interrupts, steal) = (cpu[5] + cpu[6], cpu[7]);
        var busy = cpu[0] + cpu[1] + cpu[2] + interrupts + steal;
        var load = File.ReadAllText("/proc/loadavg").Split(' ');
        return new MachineSnapshot(DateTimeOffset.UtcNow, busy, interrupts, steal, ours, others, string.Join(" ", load.Take(3)));
    }

    /// <summary>What happened between <paramref name="start"/> and this snapshot.</summary>
    public MachineWindow Since(MachineSnapshot start)
    {
        var top = Others
            .Select(o => (o.Value.Name, Cpu: o.Value.Cpu - (start.Others.TryGetValue(o.Key, out var before) ? before.Cpu : 0)))
            .Where(o => o.Cpu > 0).GroupBy(o => o.Name).Select(g => new OtherProcess(g.Key, g.Sum(o => o.Cpu)))
            .OrderByDescending(o => o.Cpu).Take(3).ToList();
        return new MachineWindow((At - start.At).TotalSeconds, Environment.ProcessorCount, Busy - start.Busy, Interrupts - start.Interrupts,
            Steal - start.Steal, Ours - start.Ours, top, LoadAverage);
    }

    private static List<ProcessCpu> ReadProcesses()
    {
        var list = new List<ProcessCpu>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var close = stat.LastIndexOf(')');
                var name = stat[(stat.IndexOf('(') + 1)..close];
                var f = stat[(close + 2)..].Split(' ');
                // After "pid (comm)": [1]=ppid … [11]=utime [12]=stime [13]=cutime [14]=cstime … [19]=starttime (proc(5)).
                long L(int i) => long.Parse(f[i], CultureInfo.InvariantCulture);
                list.Add(new ProcessCpu(pid, (int)L(1), name, (L(11) + L(12)) / TicksPerSecond, (L(13) + L(14)) / TicksPerSecond, L(19)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
            {
                // The process ended while we read it.
            }
        }

        return list;
    }

    private sealed record ProcessCpu(int Pid, int Parent, string Name, double Cpu, double ReapedChildrenCpu, long Start);
}

/// <summary>A process (or, in a window's top list, all processes of that name) the bench did not start, and its CPU seconds.</summary>
public sealed record OtherProcess(string Name, double Cpu);

/// <summary>The machine during one window: busy CPU seconds (all cores), ours, interrupts, and what other work took.</summary>
public sealed record MachineWindow(
    double Seconds, int Cores, double Busy, double Interrupts, double Steal, double Ours, IReadOnlyList<OtherProcess> TopOthers, string LoadAverage)
{
    /// <summary>CPU seconds of processes the bench did not start (and steal), interrupts excluded.</summary>
    public double Others => Math.Max(0, Busy - Interrupts - Ours);

    /// <summary>Others as a share of the machine's capacity during the window.</summary>
    public double OthersShare => Seconds > 0 ? Others / (Seconds * Cores) : 0;

    public bool Disturbed => OthersShare > MachineWatch.DisturbedShare;

    /// <summary>Busy time as a share of the machine's capacity (how much of the cores a measurement kept busy).</summary>
    public double BusyShare => Seconds > 0 ? Busy / (Seconds * Cores) : 0;

    /// <summary>e.g. "other processes used 11.7 CPU s (24 % of 2 cores; dotnet 8.1 s, cc1plus 2.0 s)".</summary>
    public string Describe() =>
        $"other processes used {Others:0.0} CPU s ({OthersShare:P0} of {Cores} cores"
        + (TopOthers.Count > 0 ? "; " + string.Join(", ", TopOthers.Select(o => $"{o.Name} {o.Cpu:0.0} s")) : "")
        + (Steal > 0.05 ? $"; steal {Steal:0.0} s" : "") + ")";
}
