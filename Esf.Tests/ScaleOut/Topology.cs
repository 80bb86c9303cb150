using System.Diagnostics;
using Esf.Tests.Infrastructure.Processes;

namespace Esf.Tests.ScaleOut;

/// <summary>N gateway processes and M worker processes on one PostgreSQL and one RabbitMQ, measured under one full-speed load.</summary>
public sealed class Topology(PrivateStack stack, int gateways, int workers)
{
    public async Task<(LoadOutcome Load, OutcomeCounts Counts, TimeSpan EndToEnd)> MeasureAsync(int invoices, int batchSize, int clients)
    {
        var processes = new List<EsfProcess>();
        try
        {
            for (var i = 0; i < gateways; i++)
            {
                processes.Add(await EsfProcess.StartAsync($"scale-gateway{i + 1}", "gateway", stack.ConnectionString, stack.RabbitMqUri));
            }

            for (var i = 0; i < workers; i++)
            {
                processes.Add(await EsfProcess.StartAsync($"scale-worker{i + 1}", "worker", stack.ConnectionString, stack.RabbitMqUri));
            }

            var addresses = processes.Where(p => p.Roles == "gateway").Select(p => p.BaseAddress).ToList();
            // A small unmeasured load first, so every process has compiled its hot paths (JIT) and filled its pools.
            var warmUp = await InvoiceLoad.PrepareAsync(stack.Registry, 100 * (gateways + workers), batchSize, tenantCount: 2);
            await warmUp.RunAsync(addresses, clients);
            await OutcomeCounts.SettledAsync(stack.DataSource, warmUp.SellerTins, TimeSpan.FromMinutes(1));

            var load = await InvoiceLoad.PrepareAsync(stack.Registry, invoices, batchSize, tenantCount: clients);
            var clock = Stopwatch.StartNew();
            var outcome = await load.RunAsync(addresses, clients);
            var counts = await OutcomeCounts.SettledAsync(stack.DataSource, load.SellerTins, TimeSpan.FromMinutes(3));
            return (outcome, counts, clock.Elapsed);
        }
        finally
        {
            foreach (var process in processes)
            {
                await process.DisposeAsync();
            }
        }
    }

    public override string ToString() => $"{gateways} gateway(s) + {workers} worker(s)";
}
