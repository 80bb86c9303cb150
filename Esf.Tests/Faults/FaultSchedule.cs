using System.Diagnostics;
using Esf.Tests.Infrastructure.Processes;

namespace Esf.Tests.Faults;

/// <summary>
/// Injects each fault once the load has reached a share of its invoices, and reports whether the load was still running
/// when it struck (a fast machine may finish the load first: the fault then hits the backlog in the queue).
/// </summary>
public sealed class FaultSchedule(InvoiceLoad load, RunReport report)
{
    public async Task AtAsync(double share, string fault, Func<Task> inject)
    {
        var threshold = (int)(load.InvoiceCount * share);
        while (load.Accepted < threshold)
        {
            await Task.Delay(20);
        }

        var acceptedBefore = load.Accepted;
        var clock = Stopwatch.StartNew();
        await inject();
        report.Add($"fault: {fault} at {acceptedBefore}/{load.InvoiceCount} accepted"
            + (acceptedBefore < load.InvoiceCount ? " (load running)" : " (load already sent)")
            + $", took {clock.Elapsed.TotalSeconds:0.0} s");
    }
}
