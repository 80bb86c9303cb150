using System.Globalization;
using Esf.Infrastructure.Persistence;
using Esf.Infrastructure.Registration;
using Esf.Infrastructure.Signatures;
using Esf.Tests.Infrastructure;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Performance;

/// <summary>
/// A measurement, not a check of behaviour (run it by name, against a cluster that preloads pg_stat_statements, given in
/// ESF_TEST_POSTGRES): the shared blocks PostgreSQL touches to read invoices with their certificate, in the layout before
/// migration 0174 (the certificate in the invoice's TOAST chunks) and after it (one row per distinct certificate, ADR 0048), on
/// the same invoices: the export's and search's pattern (body and certificate of every row) and the worker's read of an upload.
/// Block counts do not depend on other load on the machine.
/// </summary>
[TestFixture]
[Explicit("a measurement: run it by name")]
[Category("Performance")]
public sealed class Measuring_the_certificate_reads
{
    private const int Uploads = 20;
    private const int PerUpload = 50;
    private const string ReadCertificates = "SELECT certificate_id, certificate FROM certificates WHERE certificate_id = ANY(@Ids)";

    [Test]
    public async Task Should_report_the_blocks_read_per_invoice_with_its_certificate_before_and_after_migration_0174()
    {
        await using var database = await ScratchDatabase.CreateAsync("certificate_reads");
        await DatabaseMigrator.MigrateAsync(database.ConnectionString, before: "0174", CancellationToken.None);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        using var certificate = CertificateFactory.Create("ТЕСТОВ ТЕСТ", "880101300123", "123456789021");
        var body = TestInvoices.Build("NUM", DateTime.Today.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), "123456789021", "123456789022");
        var uploads = new List<long>();
        for (var u = 0; u < Uploads; u++)
        {
            uploads.Add(await FillAsync(connection, body, CertificateFactory.ToBase64(certificate), u));
        }

        await ExecuteAsync(connection, "VACUUM ANALYZE invoices");
        await MeasureAsync(connection, "before 0174: export pattern", "SELECT i.invoice_id, i.body, i.certificate FROM invoices i WHERE i.upload_id = ANY(@Uploads)", uploads);
        await MeasureAsync(connection, "before 0174: worker's read", """
            SELECT invoice_id, body, signature, certificate, signature_type, warehouse_lines::text
            FROM invoices WHERE upload_id = @UploadId AND status IN ('IN_QUEUE', 'IN_PROCESSING') ORDER BY invoice_id
            """, uploads);

        await DatabaseMigrator.MigrateAsync(database.ConnectionString, CancellationToken.None);
        await ExecuteAsync(connection, "VACUUM ANALYZE invoices");
        await MeasureAsync(connection, "after 0174: export pattern, certificate per row (subquery)",
            $"SELECT i.invoice_id, i.body, {CertificateOfInvoice.Column} FROM invoices i WHERE i.upload_id = ANY(@Uploads)", uploads);
        await MeasureAsync(connection, "after 0174: export pattern, certificates once per page (InvoiceSearch)",
            "SELECT i.invoice_id, i.body, i.certificate_id FROM invoices i WHERE i.upload_id = ANY(@Uploads)", uploads, ReadCertificates);
        await MeasureAsync(connection, "after 0174: worker's read (invoices, then its certificate once)", RegistrationStore.UnfinishedOfUploadSql, uploads, ReadCertificates);
    }

    /// <summary>Runs <paramref name="sql"/> per upload (or once for all, when it takes @Uploads) reading every value; prints blocks per invoice.</summary>
    private static async Task MeasureAsync(NpgsqlConnection connection, string label, string sql, List<long> uploads, string? perUpload = null)
    {
        await ExecuteAsync(connection, "SELECT pg_stat_statements_reset()");
        foreach (var upload in sql.Contains("@Uploads", StringComparison.Ordinal) ? [uploads[0]] : uploads)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("Uploads", uploads.ToArray());
            command.Parameters.AddWithValue("UploadId", upload);
            command.Parameters.AddWithValue("Upload", upload);
            var ids = new HashSet<long>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    for (var column = 0; column < reader.FieldCount; column++)
                    {
                        if (reader.GetName(column) == "certificate_id")
                        {
                            ids.Add(reader.GetInt64(column));
                        }

                        _ = reader.GetValue(column);
                    }
                }
            }

            if (perUpload is not null)
            {
                await using var certificates = new NpgsqlCommand(perUpload, connection);
                certificates.Parameters.AddWithValue("Ids", ids.ToArray());
                _ = await certificates.ExecuteScalarAsync();
            }
        }

        await using var statements = new NpgsqlCommand("""
            SELECT coalesce(sum(shared_blks_hit + shared_blks_read), 0)::bigint FROM pg_stat_statements
            WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT LIKE '%pg_stat_statements%'
            """, connection);
        var blocks = (long)(await statements.ExecuteScalarAsync())!;
        TestContext.Out.WriteLine($"{label,-64} {blocks / (double)(Uploads * PerUpload),6:F2} shared blocks per invoice");
    }

    private static async Task<long> FillAsync(NpgsqlConnection connection, string body, string certificate, int upload)
    {
        await using var command = new NpgsqlCommand("""
            WITH upload AS (
                INSERT INTO uploads (session_id, tin, login, channel, item_count, accepted_count)
                VALUES ('measured', '123456789021', '880101300123', 'REST', @Count, @Count) RETURNING upload_id)
            INSERT INTO invoices (upload_id, registration_number, status, num, invoice_date, date_text, turnover_date, invoice_type, seller_tin,
                                  customer_tin, sender_tin, sender_login, body, signature, signature_type, signature_valid, certificate, version, hash)
            SELECT upload_id, NULL, 'IN_QUEUE', (@First + g)::text, current_date, to_char(current_date, 'DD.MM.YYYY'),
                   current_date, 'ORDINARY_INVOICE', '123456789021', '123456789022', '123456789021', '880101300123',
                   replace(@Body, '<num>NUM</num>', '<num>' || (@First + g) || '</num>'), 'generated', 'COMPANY', NULL, @Certificate, 'InvoiceV2', md5(g::text)
            FROM upload, generate_series(1, @Count) AS g
            RETURNING upload_id
            """, connection);
        command.Parameters.AddWithValue("Count", PerUpload);
        command.Parameters.AddWithValue("First", upload * PerUpload);
        command.Parameters.AddWithValue("Body", body);
        command.Parameters.AddWithValue("Certificate", certificate);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return reader.GetInt64(0);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
