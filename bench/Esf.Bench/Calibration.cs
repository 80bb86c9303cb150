using System.Diagnostics;
using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace Esf.Bench;

/// <summary>
/// How fast this machine is at the two things the pipeline is made of, measured in the same run, so that rows of different machines
/// compare by ratio: RSA-2048 verifies per second on one core (<c>openssl speed</c>), raw COPY rows per second of an invoice-shaped
/// row into an unlogged table of the same private cluster, and the time of one durable commit (the WAL flush every upload waits for).
/// </summary>
/// <param name="RsaVerifyPerSecond">NaN when openssl is missing.</param>
public sealed record CalibrationResult(double RsaVerifyPerSecond, double CopyRowsPerSecond, double CommitMillis);

public static class Calibration
{
    private const int CopyRows = 5_000;
    private const int CopyRepeats = 3;
    private static readonly TimeSpan CommitDuration = TimeSpan.FromSeconds(0.5);

    public static async Task<CalibrationResult> MeasureAsync(
        IReadOnlyList<SignedDocument> documents, string connectionString, int opensslSeconds, CancellationToken cancellationToken)
    {
        var rsa = await OpensslVerifyPerSecondAsync(opensslSeconds, cancellationToken);
        await using var database = NpgsqlDataSource.Create(connectionString);
        var copy = await CopyRowsPerSecondAsync(database, documents, cancellationToken);
        var commit = await CommitMillisAsync(database, cancellationToken);
        return new CalibrationResult(rsa, copy, commit);
    }

    /// <summary><c>openssl speed -seconds N rsa2048</c> (one process: one core), its verify/s; NaN when openssl cannot be run.</summary>
    public static async Task<double> OpensslVerifyPerSecondAsync(int seconds, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("openssl") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "speed", "-seconds", seconds.ToString(CultureInfo.InvariantCulture), "rsa2048" })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            _ = process.StandardError.ReadToEndAsync(cancellationToken); // progress lines ("Doing 2048 bits …") go there
            await process.WaitForExitAsync(cancellationToken);
            return ParseOpensslVerifyPerSecond(await output);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return double.NaN;
        }
    }

    /// <summary>
    /// The verify/s of the "rsa 2048 bits" line: the header names the rate columns ("sign/s verify/s", and "encr./s decr./s" in
    /// OpenSSL 3.2+), which follow the same number of time columns; NaN when the output has no such line.
    /// </summary>
    public static double ParseOpensslVerifyPerSecond(string output)
    {
        var lines = output.Split('\n');
        var header = lines.LastOrDefault(l => l.Contains("verify/s", StringComparison.Ordinal));
        var row = lines.LastOrDefault(l => l.TrimStart().StartsWith("rsa", StringComparison.Ordinal) && l.Contains("2048 bits", StringComparison.Ordinal));
        if (header is null || row is null)
        {
            return double.NaN;
        }

        var rates = header.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(h => h.EndsWith("/s", StringComparison.Ordinal)).ToList();
        var values = row[(row.IndexOf("bits", StringComparison.Ordinal) + 4)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // The first half are seconds per operation ("0.000335s"), the second half operations per second.
        var at = values.Length - rates.Count + rates.IndexOf("verify/s");
        return rates.Count > 0 && values.Length == 2 * rates.Count
               && double.TryParse(values[at], NumberStyles.Float, CultureInfo.InvariantCulture, out var perSecond)
            ? perSecond
            : double.NaN;
    }

    /// <summary>
    /// Rows/s of a raw binary COPY (the stream made once by <c>COPY … TO STDOUT</c>, so the client only sends bytes) into an unlogged
    /// table whose shape is fixed here — the invoices' columns at issue 17, body and certificate lz4 — so that the figure does not move
    /// with the project's schema; the median of three.
    /// </summary>
    private static async Task<double> CopyRowsPerSecondAsync(NpgsqlDataSource database, IReadOnlyList<SignedDocument> documents, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // lz4 as migration 0031 gives the invoices, where the server has it (else pglz, as there).
        await using var lz4 = new NpgsqlCommand(
            "SELECT coalesce(bool_or('lz4' = ANY (enumvals)), false) FROM pg_settings WHERE name = 'default_toast_compression'", connection);
        var compression = (bool)(await lz4.ExecuteScalarAsync(cancellationToken))! ? "COMPRESSION lz4" : "";
        await ExecuteAsync(connection, $"""
            DROP TABLE IF EXISTS bench_calibration;
            CREATE UNLOGGED TABLE bench_calibration (
                invoice_id bigint, upload_id bigint, status varchar(32), num varchar(64), invoice_date date, date_text varchar(16),
                turnover_date date, invoice_type varchar(32), seller_tin varchar(12), customer_tin varchar(12), sender_tin varchar(12),
                sender_login varchar(12), body text {compression}, signature varchar, signature_type varchar(16),
                certificate text {compression}, version varchar(16), hash varchar(64), input_date timestamptz, last_update_date timestamptz)
            """, cancellationToken);
        var rows = Enumerable.Range(0, CopyRows).Select(i => documents[i % documents.Count]).ToList();
        await using (var fill = await connection.BeginBinaryImportAsync("COPY bench_calibration FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            var (now, today) = (DateTimeOffset.UtcNow, DateOnly.FromDateTime(DateTime.UtcNow));
            for (var i = 0; i < rows.Count; i++)
            {
                var d = rows[i];
                await fill.WriteRowAsync(cancellationToken, (long)i, 0L, "IN_QUEUE", d.Num, today, today.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
                    today, "ORDINARY_INVOICE", d.Sender.SellerTin, d.Sender.CustomerTin, d.Sender.SellerTin, d.Sender.UserIin, d.Body, d.Signature,
                    "COMPANY", d.Sender.CertificateBase64, "InvoiceV2", new string('0', 64), now, now);
            }

            await fill.CompleteAsync(cancellationToken);
        }

        using var raw = new MemoryStream();
        await using (var export = await connection.BeginRawBinaryCopyAsync("COPY bench_calibration TO STDOUT (FORMAT BINARY)", cancellationToken))
        {
            await export.CopyToAsync(raw, cancellationToken);
        }

        var rates = new List<double>();
        for (var run = 0; run < CopyRepeats; run++)
        {
            await ExecuteAsync(connection, "TRUNCATE bench_calibration", cancellationToken);
            var clock = Stopwatch.StartNew();
            await using (var import = await connection.BeginRawBinaryCopyAsync("COPY bench_calibration FROM STDIN (FORMAT BINARY)", cancellationToken))
            {
                await import.WriteAsync(raw.GetBuffer().AsMemory(0, (int)raw.Length), cancellationToken);
            }

            rates.Add(rows.Count / clock.Elapsed.TotalSeconds);
        }

        await ExecuteAsync(connection, "DROP TABLE bench_calibration", cancellationToken);
        return Spread.Of(rates).Median;
    }

    /// <summary>Milliseconds per single-row INSERT committed alone into a logged table, for half a second (at least 20 commits).</summary>
    private static async Task<double> CommitMillisAsync(NpgsqlDataSource database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, "DROP TABLE IF EXISTS bench_commit; CREATE TABLE bench_commit (id bigint)", cancellationToken);
        await using var insert = new NpgsqlCommand("INSERT INTO bench_commit VALUES (@Id)", connection);
        var id = insert.Parameters.Add("Id", NpgsqlDbType.Bigint);
        var (clock, commits) = (Stopwatch.StartNew(), 0);
        while (commits < 20 || clock.Elapsed < CommitDuration)
        {
            id.Value = (long)commits++;
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        var millis = clock.Elapsed.TotalMilliseconds / commits;
        await ExecuteAsync(connection, "DROP TABLE bench_commit", cancellationToken);
        return millis;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
