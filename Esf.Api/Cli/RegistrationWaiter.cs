using Esf.Api.Rest.Invoices;

namespace Esf.Api.Cli;

/// <summary><c>upload --wait</c>: polls each accepted invoice until it is CREATED or FAILED, or the wait times out.</summary>
public static class RegistrationWaiter
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    public static async Task WaitAsync(
        GatewayClient gateway, IReadOnlyDictionary<long, string> filesById, TimeSpan timeout, UploadReport report, CancellationToken ct)
    {
        var pending = new Dictionary<long, string>(filesById);
        var last = new Dictionary<long, InvoiceStatusView>();
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (pending.Count > 0)
        {
            foreach (var (id, file) in pending.ToList())
            {
                var status = last[id] = await gateway.StatusAsync(id, ct);
                if (status.Status is "CREATED" or "FAILED")
                {
                    report.Finished(file, status);
                    pending.Remove(id);
                }
            }

            if (pending.Count == 0 || DateTimeOffset.UtcNow >= deadline)
            {
                break;
            }

            await Task.Delay(PollInterval, ct);
        }

        foreach (var (id, file) in pending)
        {
            report.StillPending(file, last[id]);
        }
    }
}
