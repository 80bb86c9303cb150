using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;

namespace Esf.Bench;

/// <summary>
/// What the export phase measured: invoices and bytes streamed per second, and the gateway's resident memory before the export,
/// after its first tenth, at its peak (sampled every 100 ms) and at the end — flat memory means peak ≈ the value after a tenth;
/// and the CPU the gateway, PostgreSQL (postmaster and backends) and the bench's reader used during it.
/// </summary>
public sealed record ExportResult(
    int Invoices, string Format, double BodyKb, double GenerateSeconds, double Seconds, long Bytes,
    double RssBeforeMb, double RssAtTenthMb, double RssPeakMb, double RssAfterMb, ExportCpu Cpu, double OtherCpuSeconds, bool Disturbed)
{
    public double InvoicesPerSecond => Invoices / Seconds;

    /// <summary>CPU µs per invoice of the given seconds; the wall-clock µs per invoice is what a process that never waits would use.</summary>
    public double Micros(double cpuSeconds) => cpuSeconds * 1e6 / Invoices;

    public double MegabytesPerSecond => Bytes / 1_048_576.0 / Seconds;
}

/// <summary>CPU seconds during the export of the gateway, PostgreSQL and this process (the reader).</summary>
public sealed record ExportCpu(double Gateway, double Postgres, double Reader)
{
    public static ExportCpu Read(Stack stack) => new(
        stack.Gateway.CpuSeconds, ProcStats.TreeCpuSeconds(stack.PostgresPid), ProcStats.CpuSeconds(Environment.ProcessId));

    public ExportCpu Since(ExportCpu start) => new(Gateway - start.Gateway, Postgres - start.Postgres, Reader - start.Reader);
}

/// <summary>
/// Fills the bench database with <c>count</c> registered invoices of one seller (INSERT … SELECT generate_series, the approach of
/// Esf.Tests/Export/Exporting_a_hundred_thousand_invoices; the pipeline is measured elsewhere), vacuums and checkpoints, then streams
/// <c>GET /api/v1/exports</c> from the gateway process as that seller, counting invoices and bytes without parsing them.
/// </summary>
public static class ExportBench
{
    private const int Chunk = 100_000;
    private static readonly DateOnly Day = new(2026, 11, 2);

    public static async Task<ExportResult> RunAsync(
        Stack stack, RestSender session, int count, string format, MachineWatch watch, Action<string> log, CancellationToken cancellationToken)
    {
        var sender = session.Sender;
        var dateText = Day.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
        var template = InvoiceFactory.Body("NUM", dateText, sender, 0);
        var generate = Stopwatch.StartNew();
        await GenerateAsync(stack.ConnectionString, sender, template, count, log, cancellationToken);
        log($"Generated {count} invoices in SQL in {generate.Elapsed.TotalSeconds:0} s");

        var pid = stack.Gateway.Pid;
        var before = ProcStats.RssMb(pid);
        var (peak, atTenth) = (before, 0.0);
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, ProcStats.RssMb(pid));
                await Task.Delay(100, CancellationToken.None);
            }
        }, CancellationToken.None);

        var start = watch.Snapshot();
        var cpu = ExportCpu.Read(stack);
        var clock = Stopwatch.StartNew();
        using var request = session.Authorized(HttpMethod.Get, $"api/v1/exports?format={format}&dateFrom=2026-11-01&dateTo=2026-11-30");
        using var response = await session.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET /api/v1/exports answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var marker = format == "xml" ? "<!--cursor:"u8.ToArray() : "\n"u8.ToArray();
        var keep = marker.Length - 1;
        var buffer = new byte[256 * 1024];
        var (bytes, invoices, lastReport) = (0L, 0, Stopwatch.StartNew());
        int read;
        // The last marker.Length − 1 bytes stay at the front of the buffer, so a marker split between two reads is found once.
        while ((read = await body.ReadAsync(buffer.AsMemory(keep), cancellationToken)) > 0)
        {
            bytes += read;
            invoices += Occurrences(buffer.AsSpan(0, keep + read), marker);
            buffer.AsSpan(read, keep).CopyTo(buffer);
            if (atTenth == 0 && invoices >= count / 10)
            {
                atTenth = ProcStats.RssMb(pid);
            }

            if (lastReport.Elapsed > TimeSpan.FromSeconds(10))
            {
                log($"exported {invoices} of {count} ({invoices / clock.Elapsed.TotalSeconds:0}/s), gateway RSS {ProcStats.RssMb(pid):0} MB");
                lastReport.Restart();
            }
        }

        clock.Stop();
        cpu = ExportCpu.Read(stack).Since(cpu);
        var window = watch.Snapshot().Since(start);
        await sampling.CancelAsync();
        await sampler;
        var after = ProcStats.RssMb(pid);
        if (invoices != count)
        {
            throw new InvalidOperationException($"The export streamed {invoices} invoices, {count} were generated.");
        }

        return new ExportResult(count, format, Encoding.UTF8.GetByteCount(template) / 1024.0, generate.Elapsed.TotalSeconds,
            clock.Elapsed.TotalSeconds, bytes, before, atTenth, Math.Max(peak, after), after, cpu, window.Others, window.Disturbed);
    }

    private static async Task GenerateAsync(
        string connectionString, Sender sender, string template, int count, Action<string> log, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        long uploadId;
        await using (var upload = new NpgsqlCommand("""
            INSERT INTO uploads (session_id, tin, login, channel, item_count, accepted_count) VALUES ('generated', @Tin, @Login, 'REST', @Count, @Count)
            RETURNING upload_id
            """, connection))
        {
            upload.Parameters.AddWithValue("Tin", sender.SellerTin);
            upload.Parameters.AddWithValue("Login", sender.UserIin);
            upload.Parameters.AddWithValue("Count", count);
            uploadId = (long)(await upload.ExecuteScalarAsync(cancellationToken))!;
        }

        // In chunks, so that progress shows and no single statement holds a million rows' WAL and locks.
        for (var first = 1; first <= count; first += Chunk)
        {
            await using var insert = new NpgsqlCommand("""
                INSERT INTO invoices (upload_id, registration_number, status, num, invoice_date, date_text, turnover_date, invoice_type, seller_tin,
                                      customer_tin, sender_tin, sender_login, body, signature, signature_type, signature_valid, certificate_id, version, hash)
                SELECT @Upload, 'ESF-' || @Tin || '-20261102-' || lpad(g::text, 8, '0'), 'CREATED', g::text, @Date, @DateText, @Date, 'ORDINARY_INVOICE',
                       @Tin, @Customer, @Tin, @Login, replace(@Body, '<num>NUM</num>', '<num>' || g || '</num>'), 'generated', 'COMPANY', true,
                       (SELECT certificate_id_of('generated')), 'InvoiceV2', md5(g::text)
                FROM generate_series(@First, @Last) AS g
                """, connection) { CommandTimeout = 0 };
            insert.Parameters.AddWithValue("Upload", uploadId);
            insert.Parameters.AddWithValue("Tin", sender.SellerTin);
            insert.Parameters.AddWithValue("Customer", sender.CustomerTin);
            insert.Parameters.AddWithValue("Login", sender.UserIin);
            insert.Parameters.AddWithValue("Body", template);
            insert.Parameters.AddWithValue("Date", Day.ToDateTime(TimeOnly.MinValue));
            insert.Parameters.AddWithValue("DateText", Day.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture));
            insert.Parameters.AddWithValue("First", first);
            insert.Parameters.AddWithValue("Last", Math.Min(count, first + Chunk - 1));
            await insert.ExecuteNonQueryAsync(cancellationToken);
            log($"generated {Math.Min(count, first + Chunk - 1)} of {count}");
        }

        // The state an export of settled invoices reads: without VACUUM the export itself set the hint bits of a million fresh rows
        // and TOAST chunks, and autovacuum, woken by the inserts, ran beside it on PostgreSQL's CPU (issue 17: its CPU per invoice
        // read 35–45 µs in the bench against 9–12 µs in Measuring_the_export_cost, which vacuums).
        foreach (var settle in new[] { "VACUUM (ANALYZE) invoices", "CHECKPOINT" })
        {
            await using var command = new NpgsqlCommand(settle, connection) { CommandTimeout = 0 };
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>How often <paramref name="marker"/> occurs in <paramref name="bytes"/> (vectorised search, no parsing).</summary>
    private static int Occurrences(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> marker)
    {
        var n = 0;
        for (int at; (at = bytes.IndexOf(marker)) >= 0; bytes = bytes[(at + marker.Length)..])
        {
            n++;
        }

        return n;
    }
}
