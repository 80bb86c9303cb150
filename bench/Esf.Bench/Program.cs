using Esf.Bench;
using Esf.Infrastructure.Registry;
using Npgsql;

if (args.FirstOrDefault() == "signature-cost")
{
    return SignatureCost.Run(args[1..]);
}

Options options;
try
{
    options = Options.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

if (options.Cleanup)
{
    await Stack.CleanupAsync(options);
    return 0;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    Console.Error.WriteLine("Interrupted: stopping what the bench started…");
    cancel.Cancel();
};
var ct = cancel.Token;
void Log(string message) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");

Log($"Starting PostgreSQL, gateway and worker ({Report.Machine()})");
await using var stack = await Stack.StartAsync(options, ct);
try
{
    await using var database = NpgsqlDataSource.Create(stack.ConnectionString);
    // One more taxpayer than senders when exporting: the export's invoices belong to a seller of their own.
    var registry = new RegistryWriter(database);
    var taxpayers = await InvoiceFactory.CreateSendersAsync(
        registry, options.Senders + (options.ExportInvoices > 0 ? 1 : 0), ct);
    await InvoiceFactory.RegisterBankAccountsAsync(database, taxpayers, ct);
    var senders = taxpayers.Take(options.Senders).ToList();
    var warmUpPerSender = Math.Min(options.Batch, 20);
    Log($"Signing {options.Invoices} + {warmUpPerSender * senders.Count} warm-up invoices (RSA-2048) before the clock starts");
    var warmUp = InvoiceFactory.CreateSigned(senders, warmUpPerSender * senders.Count, firstNum: 1);
    var invoices = InvoiceFactory.CreateSigned(senders, options.Invoices, firstNum: 1_000_000);
    Log($"Average body {invoices.Average(i => System.Text.Encoding.UTF8.GetByteCount(i.Body)) / 1024:0.0} KB");

    using var http = new HttpClient { BaseAddress = stack.GatewayUrl, Timeout = TimeSpan.FromMinutes(5) };
    var load = new LoadGenerator(http, stack.ConnectionString, senders, options.SoapSenders);
    await load.OpenSessionsAsync(ct);
    Log("Warm-up: one small upload per sender (JIT, pools, queues)");
    await load.RunAsync(load.Payloads(warmUp, options.Batch), 0, Log, ct);

    var afterId = await load.MaxInvoiceIdAsync(ct);
    var payloads = load.Payloads(invoices, options.Batch);
    GC.Collect();
    var rabbitPid = RabbitPid(options);
    var extras = new ExtraPhases(options, stack, http, rabbitPid, Log);
    await extras.StartFeedAsync(senders[0], registry, ct);
    var (gateway0, worker0, pg0, rabbit0, machine0, self0) = (stack.Gateway.CpuSeconds, stack.Worker.CpuSeconds,
        ProcStats.TreeCpuSeconds(stack.PostgresPid), ProcStats.CpuSeconds(rabbitPid), ProcStats.MachineBusySeconds(),
        ProcStats.CpuSeconds(Environment.ProcessId));
    Log($"Clock starts: {options.Invoices} invoices in uploads of {options.Batch} over {options.Senders} sessions"
        + (options.SoapSenders > 0 ? $" ({options.SoapSenders} of them SOAP)" : "") + (options.Rate > 0 ? $", paced at {options.Rate:0}/s" : ""));
    var result = await load.RunAsync(payloads, afterId, Log, ct, options.Rate, options.Invoices);
    var gateway = new ProcessUsage(stack.Gateway.CpuSeconds - gateway0, stack.Gateway.PeakRssMb);
    var worker = new ProcessUsage(stack.Worker.CpuSeconds - worker0, stack.Worker.PeakRssMb);
    var postgres = ProcStats.TreeCpuSeconds(stack.PostgresPid) - pg0;
    var rabbit = ProcStats.CpuSeconds(rabbitPid) - rabbit0;
    var machine = ProcStats.MachineBusySeconds() - machine0;
    var self = ProcStats.CpuSeconds(Environment.ProcessId) - self0;
    Log($"All verdicts in: {result.Created} CREATED, {result.Failed} FAILED");
    var (feedLag, feedDisturbed) = await extras.StopFeedAsync();
    var paced = await extras.PacedRunAsync(load, senders, result.RegisteredPerSecond, ct);
    var export = await extras.ExportAsync(taxpayers[^1], ct);
    await load.CloseSessionsAsync(ct);

    await stack.StopServicesAsync();
    Log("Measuring the in-process limit (parse+XSD, signature, COPY) with the services stopped");
    var limit = await InProcessLimit.MeasureAsync(invoices.Take(5_000).ToList(), options.Batch, stack.ConnectionString, ct);

    var bench = new BenchResult(options, result, gateway, worker, postgres, rabbit, machine, self, limit);
    var extrasResult = new ExtrasResult(export, feedLag, feedDisturbed,
        paced ?? (options.Rate > 0 ? new PacedRun(options.Rate, double.NaN, result, bench.OtherCpuSeconds, bench.Disturbed) : null));
    Report.Print(bench);
    ExtrasReport.Print(extrasResult);
    if (options.Append)
    {
        Report.Append(bench, options.Root);
        if (options.Extras)
        {
            ExtrasReport.Append(extrasResult, options, options.Root);
        }
    }

    foreach (var sender in taxpayers)
    {
        sender.Certificate.Dispose();
    }

    return result.Created + result.Failed == result.Accepted ? 0 : 1;
}
catch (OperationCanceledException) when (ct.IsCancellationRequested)
{
    return 130;
}

// The RabbitMQ node bench/run.sh started (scripts/rabbitmq.sh keeps its pid there); 0 when unknown.
static int RabbitPid(Options options)
{
    var file = Path.Combine(options.WorkDirectory, "rabbitmq", "rabbit.pid");
    return File.Exists(file) && int.TryParse(File.ReadAllText(file).Trim(), out var pid) ? pid : 0;
}
