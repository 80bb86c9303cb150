using Esf.Bench;
using Npgsql;

if (args.FirstOrDefault() == "signature-cost")
{
    return SignatureCost.Run(args[1..]);
}

Options options;
IScenario scenario;
try
{
    options = Options.Parse(args);
    scenario = Scenarios.ByName(options.Scenario);
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

BuildInfo build;
try
{
    build = BuildCheck.Check(options.Root, Stack.ServiceDll(options));
}
catch (InvalidOperationException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
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

// Ours: this process (the gateway, the worker and the tools it runs are its children), the postmaster, the RabbitMQ node.
var postgresPid = 0;
var watch = new MachineWatch(() => [Environment.ProcessId, postgresPid, RabbitMq.Pid(options)]);
var before = await watch.SampleAsync(TimeSpan.FromSeconds(2), ct);
Log($"The machine before the bench: {before.Describe()}, load average {before.LoadAverage}"
    + (before.Disturbed ? " — BUSY: the runs will likely be marked disturbed and their figures not a claim" : ""));

Log($"Starting PostgreSQL ({Report.Machine()}; {build.Describe()})");
await using var cluster = await Stack.StartClusterAsync(options, ct);
postgresPid = Stack.PostmasterPid(cluster);
string postgresSettings;
await using (var postgres = NpgsqlDataSource.Create(cluster.ConnectionStringFor("postgres")))
{
    postgresSettings = await PgState.DescribeSettingsAsync(postgres, ct);
}

var taxpayers = InvoiceFactory.CreateSenders(options.Senders + (options.ExportInvoices > 0 ? 1 : 0));
var senders = taxpayers.Take(options.Senders).ToList();
try
{
    Log($"Signing {options.Invoices} {scenario.Documents} (RSA-2048) before the clock starts; {options.Repeat} run(s), each on a fresh database and fresh services");
    var documents = scenario.CreateSigned(senders, options.Invoices, firstNum: 1_000_000);
    Log($"Average body {documents.Average(i => System.Text.Encoding.UTF8.GetByteCount(i.Body)) / 1024:0.0} KB");
    var setup = new BenchSetup(options, scenario, cluster, taxpayers, senders, documents, new WarmUp(options, scenario, senders, Log), watch, Log);

    var runs = new List<RunResult>();
    ExtrasResult? extras = null;
    for (var number = 1; number <= options.Repeat; number++)
    {
        Log($"Run {number} of {options.Repeat}: fresh database, gateway and worker; warm-up");
        (var run, extras) = await BenchRun.RunAsync(setup, number, runs, ct);
        runs.Add(run);
    }

    var summary = new BenchSummary(options, scenario, runs, build, postgresSettings);
    Report.Print(summary);
    ExtrasReport.Print(extras!);
    if (options.Append)
    {
        Report.Append(summary, options.Root);
        if (options.Extras)
        {
            ExtrasReport.Append(extras!, options, options.Root);
        }
    }

    return runs.All(r => r.Load.Created + r.Load.Failed == r.Load.Accepted) ? 0 : 1;
}
catch (OperationCanceledException) when (ct.IsCancellationRequested)
{
    return 130;
}
finally
{
    foreach (var sender in taxpayers)
    {
        sender.Certificate.Dispose();
    }
}
