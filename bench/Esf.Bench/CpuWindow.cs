namespace Esf.Bench;

/// <summary>
/// CPU seconds of the bench's processes and of the whole machine at one moment; the difference of two tells how much of a
/// window went to processes the bench did not start (other work disturbing the measurement).
/// </summary>
public sealed record CpuWindow(double Gateway, double Worker, double Postgres, double Rabbit, double Machine, double Self, DateTimeOffset At)
{
    public static CpuWindow Now(Stack stack, int rabbitPid) => new(
        stack.Gateway.CpuSeconds, stack.Worker.CpuSeconds, ProcStats.TreeCpuSeconds(stack.PostgresPid), ProcStats.CpuSeconds(rabbitPid),
        ProcStats.MachineBusySeconds(), ProcStats.CpuSeconds(Environment.ProcessId), DateTimeOffset.UtcNow);

    /// <summary>CPU seconds of everything else between <paramref name="start"/> and this snapshot.</summary>
    public double OtherSince(CpuWindow start) =>
        Machine - start.Machine - (Gateway - start.Gateway) - (Worker - start.Worker) - (Postgres - start.Postgres)
        - (Rabbit - start.Rabbit) - (Self - start.Self);

    /// <summary>Whether other work took more than a tenth of the machine since <paramref name="start"/> (as the main table flags it).</summary>
    public bool DisturbedSince(CpuWindow start) => OtherSince(start) > 0.1 * (At - start.At).TotalSeconds * Environment.ProcessorCount;
}
