using System.Diagnostics;
using System.Globalization;
using Esf.Domain.Employees;
using Esf.Infrastructure;
using Esf.Infrastructure.Export;
using Esf.Infrastructure.Persistence;
using Esf.Infrastructure.Search;
using Esf.Infrastructure.Sessions;
using Esf.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Performance;

/// <summary>
/// A measurement, not a check of behaviour (run it by name): the invoice export (<see cref="InvoiceExporter"/>, format xml, the
/// bench's <c>GET /api/v1/exports</c> without HTTP) over <see cref="Count"/> registered invoices of one seller generated in SQL
/// as the bench does, written to a stream that only counts. Per invoice it prints the wall time (invoices/s), this process's CPU,
/// the CPU of the one PostgreSQL backend that served every page (a pool of one connection) and the bytes allocated. The CPU and
/// allocation figures hardly depend on other load on the machine; the invoices/s do. Issue 17: the export fell from 31–33k/s to
/// 18.8k/s; the figures before and after its fix are in BENCHMARKS.md.
/// </summary>
[TestFixture]
[Explicit("a measurement: run it by name")]
[Category("Performance")]
public sealed class Measuring_the_export_cost
{
    private const int Count = 50_000;
    private const int Rounds = 5;
    private const string SellerTin = "123456789021";
    private static readonly DateOnly Day = new(2026, 11, 2);

    [Test]
    public async Task Should_report_the_cost_per_invoice_of_an_xml_export()
    {
        // What EsfServices sets when the services are composed (snake_case columns onto properties); no host is built here.
        Dapper.DefaultTypeMap.MatchNamesWithUnderscores = true;
        await using var database = await ScratchDatabase.CreateAsync("export");
        await DatabaseMigrator.MigrateAsync(database.ConnectionString, CancellationToken.None);
        var body = TestInvoices.Build("NUM", Day.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), SellerTin, "123456789022");
        await FillAsync(database.ConnectionString, body);
        var pooled = new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxPoolSize = 1, MinPoolSize = 1 }.ConnectionString;
        await using var source = NpgsqlDataSource.Create(pooled);
        var exporter = new InvoiceExporter(new InvoiceSearch(source, Options.Create(new QuotaOptions())));
        var session = new SessionContext("measured", "880101300123", SellerTin, "ADMIN_ENTERPRISE", "") { Authority = EmployeeAuthority.Head };
        var filter = new InvoiceFilter { DateFrom = Day.AddDays(-1), DateTo = Day.AddDays(28) };
        var backend = await BackendAsync(source);

        TestContext.Out.WriteLine($"xml export of {Count} invoices ({body.Length / 1024.0:F1} KiB body), per round:");
        var runs = new List<Run>();
        for (var round = 0; round <= Rounds; round++)
        {
            var output = new CountingStream();
            var (wall, cpu, backendCpu, allocated) = (Stopwatch.StartNew(), Process.GetCurrentProcess().TotalProcessorTime, BackendCpu.Of(backend),
                GC.GetTotalAllocatedBytes(precise: true));
            var written = await exporter.WriteAsync(output, session, filter, InvoiceSort.Date, true, null, ExportFormat.Xml, CancellationToken.None);
            var run = new Run(
                written / wall.Elapsed.TotalSeconds,
                (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / written,
                (BackendCpu.Of(backend) - backendCpu).TotalMicroseconds / written,
                (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024.0 / written);
            Assert.That(written, Is.EqualTo(Count), "every invoice exported");
            Assert.That(output.Bytes, Is.GreaterThan((long)Count * body.Length), "every body written whole");
            // The first round compiles and warms the caches: reported, not counted.
            TestContext.Out.WriteLine($"{(round == 0 ? "warm-up" : "round " + round),-8} {run}");
            if (round > 0)
            {
                runs.Add(run);
            }
        }

        TestContext.Out.WriteLine($"median   {new Run(Median(runs, r => r.PerSecond), Median(runs, r => r.ClientMicros), Median(runs, r => r.BackendMicros), Median(runs, r => r.KiB))}");
    }

    private sealed record Run(double PerSecond, double ClientMicros, double BackendMicros, double KiB)
    {
        public override string ToString() =>
            $"{PerSecond,8:F0} invoices/s  this process {ClientMicros,6:F1} µs CPU  PostgreSQL backend {BackendMicros,6:F1} µs CPU  {KiB,6:F1} KiB allocated (per invoice)";
    }

    private static double Median(List<Run> runs, Func<Run, double> figure) => runs.Select(figure).Order().ElementAt(runs.Count / 2);

    private static async Task<int> BackendAsync(NpgsqlDataSource source)
    {
        await using var connection = await source.OpenConnectionAsync();
        return await BackendCpu.PidAsync(connection);
    }

    private static async Task FillAsync(string connectionString, string body)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand("""
            WITH upload AS (
                INSERT INTO uploads (session_id, tin, login, channel, item_count, accepted_count)
                VALUES ('generated', @Tin, '880101300123', 'REST', @Count, @Count) RETURNING upload_id)
            INSERT INTO invoices (upload_id, registration_number, status, num, invoice_date, date_text, turnover_date, invoice_type, seller_tin,
                                  customer_tin, sender_tin, sender_login, body, signature, signature_type, signature_valid, certificate_id, version, hash)
            SELECT (SELECT upload_id FROM upload), 'ESF-' || @Tin || '-20261102-' || lpad(g::text, 8, '0'), 'CREATED', g::text, @Date, @DateText, @Date,
                   'ORDINARY_INVOICE', @Tin, '123456789022', @Tin, '880101300123', replace(@Body, '<num>NUM</num>', '<num>' || g || '</num>'),
                   'generated', 'COMPANY', true, (SELECT certificate_id_of('generated')), 'InvoiceV2', md5(g::text)
            FROM generate_series(1, @Count) AS g
            """, connection) { CommandTimeout = 0 };
        insert.Parameters.AddWithValue("Tin", SellerTin);
        insert.Parameters.AddWithValue("Count", Count);
        insert.Parameters.AddWithValue("Body", body);
        insert.Parameters.AddWithValue("Date", Day.ToDateTime(TimeOnly.MinValue));
        insert.Parameters.AddWithValue("DateText", Day.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture));
        await insert.ExecuteNonQueryAsync();
        await using var vacuum = new NpgsqlCommand("VACUUM (ANALYZE) invoices", connection) { CommandTimeout = 0 };
        await vacuum.ExecuteNonQueryAsync();
    }

    /// <summary>Counts what is written to it and keeps nothing, as a client that reads the export off the socket.</summary>
    private sealed class CountingStream : Stream
    {
        public long Bytes { get; private set; }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => Bytes;
        public override long Position { get => Bytes; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Bytes += count;
        public override void Write(ReadOnlySpan<byte> buffer) => Bytes += buffer.Length;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Bytes += buffer.Length;
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Bytes += count;
            return Task.CompletedTask;
        }

        public override void Flush() { }
        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
