using System.Diagnostics;
using System.Security.Cryptography;
using Esf.Bench;
using Esf.Domain.Invoices;
using Esf.Domain.Rules;
using Esf.Infrastructure;
using Esf.Infrastructure.Persistence;
using Esf.Infrastructure.Registration;
using Esf.Infrastructure.Registry;
using Esf.Infrastructure.Xml;
using Esf.Tests.Infrastructure;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Performance;

/// <summary>
/// A measurement, not a check of behaviour (run it by name): the worker's per-invoice CPU after the signature check (issue 17),
/// stage by stage, for a batch of 50 of the bench's stored invoices (≈ 6.9 KB, ten product lines), each stage alone on this
/// thread as <see cref="InvoiceRegistrar"/> runs it: reading the body straight into the model (<see cref="StoredInvoiceReader"/>:
/// one pass of the reader through <see cref="InvoiceXmlParser"/>'s map, then <see cref="InvoiceHeader"/>), the registration rules and the
/// verdict (<see cref="RegistrationJudge"/> on the batch's registry, loaded once per batch from a migrated database as the worker
/// loads it), and building the verdict's SQL (<see cref="VerdictWriter.Commands"/> with the registration numbers). The bytes
/// allocated per invoice (this thread) are exact and do not depend on the load; the µs (the process's CPU, median of the
/// rounds) depend less on it than wall time but still do (shared caches, frequency), so compare them within one run.
/// </summary>
[TestFixture]
[Explicit("a measurement: run it by name")]
[Category("Performance")]
public sealed class Measuring_the_worker_stages
{
    private const int Batch = 50;
    private const int Passes = 40;
    private const int Rounds = 5;

    [Test]
    public async Task Should_report_the_cpu_and_allocations_per_invoice_of_each_stage()
    {
        await using var database = await ScratchDatabase.CreateAsync("stages");
        await DatabaseMigrator.MigrateAsync(database.ConnectionString, CancellationToken.None);
        await using var source = NpgsqlDataSource.Create(database.ConnectionString);
        var senders = InvoiceFactory.CreateSenders(1);
        await InvoiceFactory.RegisterAsync(new RegistryWriter(source), senders, CancellationToken.None);
        await InvoiceFactory.RegisterBankAccountsAsync(source, senders, CancellationToken.None);
        var sender = senders[0];
        var bodies = InvoiceFactory.CreateSigned(senders, Batch, 1).Select(i => i.Body).ToArray();
        var signature = new SignatureCheck(true, sender.UserIin, sender.SellerTin);

        var documents = bodies.Select(b => StoredInvoiceReader.Read(b).Document!).ToArray();
        var today = KazakhstanTime.Today(TimeProvider.System);
        var checkedInvoices = documents.Select((d, i) => new CheckedInvoice(i + 1, d, signature, null)).ToArray();
        // One view per pass: a view records the numbers its batch takes, so a second pass over one view would fail them all (A-07).
        // The last is never judged on: the rules alone (which record nothing) run on it.
        var views = new BatchRegistryView[Passes * (Rounds + 1) + 1];
        await using (var connection = await source.OpenConnectionAsync())
        {
            for (var i = 0; i < views.Length; i++)
            {
                views[i] = await RegistryFacts.LoadAsync(connection, documents, today, lockOriginals: false, CancellationToken.None);
            }
        }

        var judged = checkedInvoices.Select(c => RegistrationJudge.Judge(c, views[0])).ToList();
        Assert.That(judged.SelectMany(v => v.Violations).Select(v => v.RuleId), Is.Empty, "the bench's invoices all register");
        var owned = judged.ToDictionary(v => v.InvoiceId, _ => InvoiceStatus.InQueue);
        var key = RandomNumberGenerator.GetBytes(32);
        var unjudged = views[^1];
        var contexts = documents.Select(d => new RegistrationContext(d, signature, unjudged)).ToArray();
        var view = 1;

        var stages = new (string Name, Action Pass)[]
        {
            // Before issue 17's streaming map this was two stages: body → element tree (26.5 KiB), tree → model (6.4 KiB).
            ("read: body → model", () =>
            {
                foreach (var body in bodies)
                {
                    StoredInvoiceReader.Read(body);
                }
            }),
            ("rules and verdict", () =>
            {
                var registry = views[view++];
                foreach (var invoice in checkedInvoices)
                {
                    RegistrationJudge.Judge(invoice, registry);
                }
            }),
            // The rules alone (RegistrationControl.Run records nothing in the view, so one view serves), beside the loop they ran
            // in before issue 17's cut: SelectMany over each rule's Check (a Select iterator and a delegate per rule) into a list.
            ("rules alone: RegistrationControl.Run", () =>
            {
                foreach (var context in contexts)
                {
                    RegistrationControl.Run(context);
                }
            }),
            ("rules alone, as before: SelectMany(Check)", () =>
            {
                foreach (var context in contexts)
                {
                    _ = RuleCatalogue.RegistrationRules.SelectMany(rule => rule.Check(context)).ToList();
                }
            }),
            ("verdict SQL: numbers, UPDATE, history", () =>
            {
                var day = DateOnly.FromDateTime(DateTime.UtcNow);
                var numbers = new Dictionary<long, string>();
                for (var i = 0; i < judged.Count; i++)
                {
                    numbers[judged[i].InvoiceId] = RegistrationNumber.Create(sender.SellerTin, day, i + 1, key);
                }

                var (update, history) = VerdictWriter.Commands(judged, owned, numbers, DateTimeOffset.UtcNow);
                update.Dispose();
                history.Dispose();
            }),
        };

        // Warm-up (tiered JIT): every stage a quarter of a round, the rules on views 1 to 10.
        foreach (var (_, pass) in stages)
        {
            for (var i = 0; i < Passes / 4; i++)
            {
                pass();
            }
        }

        view = Passes;
        var results = stages.ToDictionary(s => s.Name, _ => new List<(double Micros, double Bytes)>());
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var (name, pass) in stages)
            {
                results[name].Add(PerInvoice(pass));
            }
        }

        TestContext.Out.WriteLine($"worker stages, one thread, CPU and bytes per invoice (batch {Batch}, body {bodies[0].Length} chars, median of {Rounds} rounds of {Passes} batches):");
        foreach (var (name, runs) in results)
        {
            var micros = runs.Select(r => r.Micros).Order().ElementAt(Rounds / 2);
            TestContext.Out.WriteLine($"  {name,-40} {micros,7:F1} µs  {runs[0].Bytes / 1024,7:F2} KiB");
        }

        // Where the rules' bytes go: each registration rule alone over the batch (a rule that allocates nothing is not listed).
        var context = contexts[0];
        var perRule = RuleCatalogue.RegistrationRules
            .Select(rule => (rule.Definition.Id, Bytes: Allocated(() =>
            {
                List<RuleViolation>? violations = null;
                rule.AddViolations(context, ref violations);
            })))
            .Where(r => r.Bytes > 0).OrderByDescending(r => r.Bytes).ToList();
        TestContext.Out.WriteLine($"  registration rules allocating: {perRule.Count} of {RuleCatalogue.RegistrationRules.Count}, "
            + $"{perRule.Sum(r => r.Bytes)} bytes per invoice; the most: {string.Join(", ", perRule.Take(12).Select(r => $"{r.Id} {r.Bytes}"))}");
    }

    /// <summary>The bytes <paramref name="check"/> allocates on this thread, after one call to warm it.</summary>
    private static long Allocated(Action check)
    {
        check();
        var before = GC.GetAllocatedBytesForCurrentThread();
        check();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    /// <summary>The process's CPU (the test host is otherwise idle) and the bytes allocated on this thread per invoice of <see cref="Passes"/> calls of <paramref name="pass"/>.</summary>
    private static (double Micros, double Bytes) PerInvoice(Action pass)
    {
        GC.Collect();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < Passes; i++)
        {
            pass();
        }

        const double invoices = Passes * Batch;
        return ((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / invoices, (GC.GetAllocatedBytesForCurrentThread() - allocated) / invoices);
    }
}
