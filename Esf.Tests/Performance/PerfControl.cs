namespace Esf.Tests.Performance;

/// <summary>
/// Switches a Linux <c>perf record</c> on and off around the measured window, so that a CPU-sampling profile holds the stage
/// being measured and not the warm-up, the payloads' signing or the fixture's start. Used when ESF_PERF_CONTROL names perf's
/// control and acknowledgement FIFOs ("ctl,ack"), as <c>perf record --control fifo:ctl,ack -D -1</c> was given them;
/// ESF_PERF_STAGE limits it to the stages whose name contains it. See BENCHMARKS.md, «where the gateway's CPU per invoice goes».
/// </summary>
internal sealed class PerfControl : IDisposable
{
    private readonly StreamWriter control;
    private readonly StreamReader acknowledgements;
    private readonly string? stage;

    private PerfControl(string controlFifo, string ackFifo, string? stage)
    {
        // perf opens the control FIFO for reading and the acknowledgement FIFO for writing: open in the same order.
        control = new StreamWriter(new FileStream(controlFifo, FileMode.Open, FileAccess.Write)) { AutoFlush = true };
        acknowledgements = new StreamReader(new FileStream(ackFifo, FileMode.Open, FileAccess.Read));
        this.stage = stage;
    }

    public static PerfControl? FromEnvironment()
    {
        var fifos = Environment.GetEnvironmentVariable("ESF_PERF_CONTROL")?.Split(',');
        return fifos is [var controlFifo, var ackFifo]
            ? new PerfControl(controlFifo, ackFifo, Environment.GetEnvironmentVariable("ESF_PERF_STAGE"))
            : null;
    }

    public void Enable(string stageName) => Send("enable", stageName);

    public void Disable(string stageName) => Send("disable", stageName);

    private void Send(string command, string stageName)
    {
        if (stage is not null && !stageName.Contains(stage, StringComparison.Ordinal))
        {
            return;
        }

        control.WriteLine(command);
        // perf answers "ack" once the events are switched: the window starts only then.
        acknowledgements.ReadLine();
    }

    public void Dispose()
    {
        control.Dispose();
        acknowledgements.Dispose();
    }
}
