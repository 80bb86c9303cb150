using System.Diagnostics;
using Esf.Tests.Infrastructure.Processes;

namespace Esf.Tests.Faults;

/// <summary>
/// Injects each fault once the load has reached a share of its invoices, and records whether the load was still running
/// when it struck. The suite asserts that every fault did: one that strikes after the last upload was accepted (a fast
/// machine, a small load) only hits the backlog in the queue and proves less than the suite claims.
/// </summary>
public sealed class FaultSchedule(InvoiceLoad load, RunReport report)
{
    private readonly List<string> afterTheLoad = [];

    /// <summary>The faults that struck when every invoice of the load had already been accepted.</summary>
    public IReadOnlyList<string> StruckAfterTheLoad => afterTheLoad;

    public async Task AtAsync(double share, string fault, Func<Task> inject)
    {
        var threshold = (int)(load.InvoiceCount * share);
        while (load.Accepted < threshold)
        {
            await Task.Delay(20);
        }

        var acceptedBefore = load.Accepted;
        var loadRunning = acceptedBefore < load.InvoiceCount;
        if (!loadRunning)
        {
            afterTheLoad.Add(fault);
        }

        var clock = Stopwatch.StartNew();
        await inject();
        report.Add($"fault: {fault} at {acceptedBefore}/{load.InvoiceCount} accepted"
            + (loadRunning ? " (load running)" : " (load already sent)")
            + $", took {clock.Elapsed.TotalSeconds:0.0} s");
    }
}
