using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Xml.Linq;
using Dapper;
using Esf.Infrastructure.Export;
using Esf.Infrastructure.Sessions;
using Esf.Tests.Infrastructure;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Export;

/// <summary>
/// 100 000 registered invoices, made directly in SQL (the pipeline is not under test here), exported as one container over
/// HTTP and read back invoice by invoice while the managed heap is sampled: memory stays flat, every invoice comes back whole.
/// Non-parallelizable because the heap is the whole process's: a PDF or browser fixture running beside it would be measured too.
/// </summary>
[TestFixture]
[Category("Slow")]
[NonParallelizable]
public sealed class Exporting_a_hundred_thousand_invoices
{
    private const int Count = 100_000;
    private const long MaxHeapBytes = 128L * 1024 * 1024;
    private static readonly DateOnly Day = new(2026, 11, 2);

    [Test]
    public async Task Should_stream_them_in_flat_memory_and_read_them_back_identically()
    {
        // Arrange
        var fixture = ExportGateway.Fixture;
        using var tenant = await TestTenant.CreateAsync(fixture);
        var sessionId = await tenant.OpenSessionAsync(fixture);
        await GenerateAsync(fixture, tenant);
        using var http = fixture.CreateClient();
        http.Timeout = TimeSpan.FromMinutes(5);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", sessionId);
        var template = TestInvoices.Build("NUM", Day.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), tenant.SellerTin, tenant.CustomerTin);

        // Act
        var clock = Stopwatch.StartNew();
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        // The heap is the whole process's: the suite's other hosts stay alive beside this test, so the growth over what
        // was live before the export is what stays flat, measured after a collection so garbage is not counted.
        var liveBefore = GC.GetTotalMemory(forceFullCollection: true);
        using var response = await http.GetAsync("api/v1/exports?format=xml&dateFrom=2026-11-01&dateTo=2026-11-30&sort=num&asc=true",
            HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var counting = new CountingStream(body);
        long read = 0, mismatched = 0, peakHeap = 0;
        foreach (var (invoice, _) in InvoiceContainerReader.Read(counting))
        {
            var expected = XElement.Parse(template.Replace("<num>NUM</num>", $"<num>{invoice.Element("num")!.Value}</num>", StringComparison.Ordinal));
            mismatched += XNode.DeepEquals(expected, invoice) ? 0 : 1;
            if (++read % 2_000 == 0)
            {
                peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(forceFullCollection: true) - liveBefore);
            }
        }

        clock.Stop();

        // Assert
        var seconds = clock.Elapsed.TotalSeconds;
        TestContext.Out.WriteLine(
            $"Exported {read} invoices, {counting.Bytes / 1_048_576.0:F0} MiB, in {seconds:F1} s ({read / seconds:F0} invoices/s, "
            + $"{counting.Bytes / 1_048_576.0 / seconds:F1} MiB/s); peak managed heap {peakHeap / 1_048_576.0:F0} MiB; "
            + $"allocated {(GC.GetTotalAllocatedBytes() - allocatedBefore) / 1_048_576.0:F0} MiB; working set {Environment.WorkingSet / 1_048_576.0:F0} MiB");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((read, mismatched), Is.EqualTo(((long)Count, 0L)));
            Assert.That(peakHeap, Is.LessThan(MaxHeapBytes), "memory stays flat: far below the size of the export");
            Assert.That(counting.Bytes, Is.GreaterThan(MaxHeapBytes), "the export is larger than the memory bound");
        }
    }

    private static async Task GenerateAsync(GatewayFixture fixture, TestTenant tenant)
    {
        var template = TestInvoices.Build("NUM", Day.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), tenant.SellerTin, tenant.CustomerTin);
        await using var connection = await fixture.Get<NpgsqlDataSource>().OpenConnectionAsync();
        var uploadId = await connection.ExecuteScalarAsync<long>("""
            INSERT INTO uploads (session_id, tin, login, channel, item_count, accepted_count) VALUES ('generated', @Tin, @Login, 'REST', @Count, @Count)
            RETURNING upload_id
            """, new { Tin = tenant.SellerTin, Login = tenant.UserIin, Count });
        await connection.ExecuteAsync("""
            INSERT INTO invoices (upload_id, registration_number, status, num, invoice_date, date_text, turnover_date, invoice_type, seller_tin,
                                  customer_tin, sender_tin, sender_login, body, signature, signature_type, signature_valid, certificate_id, version, hash)
            SELECT @Upload, 'ESF-' || @Tin || '-20261102-' || lpad(g::text, 8, '0'), 'CREATED', g::text, @Date, @DateText, @Date, 'ORDINARY_INVOICE',
                   @Tin, @Customer, @Tin, @Login, replace(@Body, '<num>NUM</num>', '<num>' || g || '</num>'), 'generated', 'COMPANY', true,
                   (SELECT certificate_id_of('generated')), 'InvoiceV2', md5(g::text)
            FROM generate_series(1, @Count) AS g
            """, new
        {
            Upload = uploadId, Tin = tenant.SellerTin, Customer = tenant.CustomerTin, Login = tenant.UserIin, Body = template, Count,
            Date = Day.ToDateTime(TimeOnly.MinValue), DateText = Day.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
        }, commandTimeout: 300);
    }

    /// <summary>Counts the bytes read through it.</summary>
    private sealed class CountingStream(Stream inner) : Stream
    {
        public long Bytes { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Bytes; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            Bytes += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
