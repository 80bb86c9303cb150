using System.Security.Cryptography;
using System.Text;
using Esf.Api.Rest.Invoices;
using Esf.Api.Rest.Sessions;
using Esf.Infrastructure.Invoices;

namespace Esf.Api.Cli;

/// <summary>
/// <c>esf upload</c>: logs in, signs and uploads invoice files in batches over the REST API, optionally waits for their
/// registration, and logs out. Exit code 0 only when every invoice was accepted (and, with --wait, registered).
/// </summary>
public static class UploadCommand
{
    private const string Help = """
        Usage: esf upload <file.xml|folder>... [--url <http://127.0.0.1:8080>] [--tin <БИН>] [--login <ИИН>] [--password <pw>]
                          [--pkcs12 <file.p12> [--pkcs12-password <pw>] | --key <key.pem> --cert <cert.pem>]
                          [--idempotency-key <key>] [--batch-size <100>] [--parallel <1>] [--resume] [--wait [--timeout <seconds, 120>]]
                          [--signed-login]

        Signs each invoice with the key and uploads them to the gateway's REST API, printing what was accepted or declined.
        With --wait, polls until every accepted invoice is CREATED (registration number) or FAILED (errors).
        --parallel sends that many batches at once (with a progress bar); --resume skips the files an earlier run got accepted
        (recorded in .esf/upload-state.json) but reports, and with --wait waits for, their invoices; without --idempotency-key
        each batch's key is then derived from its bodies, so a batch an interrupted run sent is not uploaded twice.
        A session an interrupted run left open is closed by the same credentials and the login tried once more.
        --signed-login logs in without a password: the gateway's auth ticket is signed with the key (RSA or НУЦ РК GOST) and sent
        to POST /api/v1/sessions/signed; the login is the ИИН the key's certificate names unless --login says otherwise.
        Values left out come from .esf/demo.json (url, sellerTin, userIin, password, pkcs12Path, pkcs12Password).
        Exit code: 0 when all were accepted (and with --wait all CREATED), 1 otherwise, 2 for a usage error.
        """;

    public static Task<int> RunAsync(string[] args) => RunAsync(args, CliEnvironment.Console);

    public static Task<int> RunAsync(string[] args, CliEnvironment environment) =>
        CliRunner.RunAsync(environment, Help, () => UploadAsync(CommandLine.Parse(args, UploadOptions.Names), environment));

    private static async Task<int> UploadAsync(CommandLine line, CliEnvironment environment)
    {
        if (line.WantsHelp)
        {
            await environment.Out.WriteLineAsync(Help);
            return 0;
        }

        var demo = DemoSettings.Load(environment);
        var options = UploadOptions.From(line, demo, environment);
        using var key = KeyOptions.Load(line, "pkcs12-password", demo, environment);
        // Every file is read before logging in, so that a bad file fails the command before anything is sent.
        var invoices = options.Files.Select(file => (File: file, Body: InvoiceFile.ReadBody(file))).ToList();
        var report = new UploadReport(environment);
        var ct = CancellationToken.None;

        using var gateway = new GatewayClient(new HttpClient { BaseAddress = options.Url });
        try
        {
            if (options.SignedLogin)
            {
                var iin = options.Login.Length > 0 ? options.Login
                    : key.Iin ?? throw new CliException("The key's certificate names no ИИН: pass --login <ИИН>.", CliException.Usage);
                await gateway.LogInWithTicketAsync(options.Tin, iin, key.SignXml, environment.Error, ct);
            }
            else
            {
                await gateway.LogInAsync(
                    new CreateSessionBody(options.Tin, key.CertificateBase64, options.Login, options.Password), environment.Error, ct);
            }

            var acceptedFiles = new Dictionary<long, string>();
            var state = UploadState.Load(environment, options.Resume);
            var earlier = invoices.Where(i => state.Earlier(i.File) is not null).ToList();
            if (earlier.Count > 0)
            {
                await environment.Error.WriteLineAsync($"Resuming: {earlier.Count} file(s) were accepted by an earlier run.");
            }

            foreach (var (file, _) in earlier)
            {
                var invoice = state.Earlier(file)!;
                report.Accepted(file, invoice);
                acceptedFiles[invoice.Id] = file;
            }

            // Batches are cut from every file, so that a re-run cuts the same ones; a batch sends only its files that no
            // earlier run got accepted, and none when that leaves nothing.
            var chunks = invoices.Chunk(options.BatchSize).ToList();
            var batches = chunks
                .Select((chunk, index) => (Number: index + 1, Items: chunk.Where(i => state.Earlier(i.File) is null).ToList()))
                .Where(b => b.Items.Count > 0).ToList();
            var results = new UploadResponse[batches.Count];
            var done = 0;
            await Parallel.ForEachAsync(Enumerable.Range(0, batches.Count), new ParallelOptions { MaxDegreeOfParallelism = options.Parallel }, async (b, token) =>
            {
                var batch = batches[b].Items;
                var upload = new UploadInvoicesBody(
                    key.CertificateBase64,
                    batch.Select(i => new UploadInvoiceItem(i.Body, UploadChecks.SupportedVersion, key.Sign(i.Body), "COMPANY")).ToList());
                results[b] = await gateway.UploadAsync(upload, IdempotencyKey(options, batches[b].Number, chunks.Count, batch), token);
                state.Record(results[b].Accepted.Select(a => (batch[a.Index].File, a)));
                if (batches.Count > 1)
                {
                    await environment.Error.WriteAsync($"\r{UploadState.Bar(Interlocked.Increment(ref done), batches.Count)}");
                }
            });
            for (var b = 0; b < batches.Count; b++)
            {
                var batch = batches[b].Items;
                foreach (var accepted in results[b].Accepted)
                {
                    report.Accepted(batch[accepted.Index].File, accepted);
                    acceptedFiles[accepted.Id] = batch[accepted.Index].File;
                }

                foreach (var declined in results[b].Declined)
                {
                    report.Declined(batch[declined.Index].File, declined);
                }
            }

            if (options.Wait)
            {
                await RegistrationWaiter.WaitAsync(gateway, acceptedFiles, options.WaitTimeout, report, ct);
            }

            report.Summary(options.Wait);
            return report.AllAccepted && (!options.Wait || report.AllCreated) ? 0 : CliException.Failure;
        }
        finally
        {
            await gateway.LogOutAsync();
        }
    }

    /// <summary>
    /// One key per batch: a retried command repeats each batch's key, and no two batches share one. With --resume and no
    /// key given, the key is derived from the bodies the batch sends: a batch an interrupted run sent but never recorded is
    /// answered again with its earlier invoices instead of being uploaded twice. Without either, no key: uploading a file
    /// again is a new upload (and A-02 refuses its number).
    /// </summary>
    private static string? IdempotencyKey(UploadOptions options, int batchNumber, int batchCount, IReadOnlyList<(string File, string Body)> batch) =>
        options.IdempotencyKey is { } given ? (batchCount > 1 ? $"{given}-{batchNumber}" : given)
        : options.Resume ? "resume-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\0', batch.Select(i => i.Body)))))
        : null;
}
