using Esf.Infrastructure.Persistence;
using Esf.Tests.Infrastructure;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Pipeline;

/// <summary>
/// How the invoices table stores what a verdict does not change (migration 0165, issue 17): every status change writes a whole
/// new row version, so what stays in the row is written again by the worker's verdict and by every later change. The body already
/// lives in the TOAST table; the certificate (≈ 1.2 KB of Base64 that does not compress) must live there too, so that a verdict
/// copies an 18-byte pointer instead. A row too small to be toasted at all keeps everything inline, as before. Since migration
/// 0174 (ADR 0048) the certificate is not in the row at all: each distinct one is stored once and the invoice names it.
/// </summary>
[TestFixture]
[Category("Database")]
public sealed class Migrating_the_invoice_storage
{
    private ScratchDatabase database = null!;

    [OneTimeSetUp]
    public async Task MigrateAsync()
    {
        database = await ScratchDatabase.CreateAsync("invoice_storage");
        await DatabaseMigrator.MigrateAsync(database.ConnectionString, CancellationToken.None);
    }

    [OneTimeTearDown]
    public async Task DropAsync() => await database.DisposeAsync();

    [Test]
    public async Task Should_keep_the_certificate_of_a_toasted_invoice_out_of_the_row_a_verdict_rewrites()
    {
        await using var connection = await OpenAsync();
        var upload = await InsertAsync(connection, bodyRepeats: 700, certificateBytes: 890);

        Assert.That(await StoredCertificatesAsync(connection, upload), Is.EqualTo(1), "the upload's one certificate, stored once");
    }

    [Test]
    public async Task Should_keep_a_small_invoice_whole_in_its_row()
    {
        await using var connection = await OpenAsync();
        // ≈ 1 KB in all: under the threshold where PostgreSQL toasts anything.
        var upload = await InsertAsync(connection, bodyRepeats: 20, certificateBytes: 300);

        Assert.That(await InlineBodiesAsync(connection, upload), Is.EqualTo(Rows), "bodies kept in the row");
    }

    private const int Rows = 100;

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>
    /// <see cref="Rows"/> invoices of one new upload whose body repeats a line <paramref name="bodyRepeats"/> times (compressible, as
    /// XML is) and whose certificate is the Base64 of <paramref name="certificateBytes"/> random bytes (incompressible, as DER is).
    /// </summary>
    private static async Task<long> InsertAsync(NpgsqlConnection connection, int bodyRepeats, int certificateBytes)
    {
        await using var command = new NpgsqlCommand("""
            WITH upload AS (
                INSERT INTO uploads (session_id, tin, login, channel, item_count, accepted_count)
                VALUES ('storage', '123456789021', '880101300123', 'REST', @Rows, @Rows) RETURNING upload_id),
            certificate AS (
                SELECT encode(string_agg(decode(lpad(to_hex((random() * 255)::int), 2, '0'), 'hex'), ''::bytea), 'base64') AS text
                FROM generate_series(1, @CertificateBytes)),
            inserted AS (
                INSERT INTO invoices (upload_id, status, num, invoice_date, date_text, invoice_type, seller_tin, sender_tin, sender_login,
                                      body, signature, signature_type, certificate_id, version, hash)
                SELECT upload.upload_id, 'IN_QUEUE', g::text, current_date, to_char(current_date, 'DD.MM.YYYY'), 'ORDINARY_INVOICE',
                       '123456789021', '123456789021', '880101300123', repeat('<description>Товар ' || g || '</description>', @BodyRepeats),
                       'signature', 'COMPANY', certificate_id_of(certificate.text), 'InvoiceV2', md5(g::text)
                FROM upload, certificate, generate_series(1, @Rows) AS g)
            SELECT upload_id FROM upload
            """, connection);
        command.Parameters.AddWithValue("Rows", Rows);
        command.Parameters.AddWithValue("CertificateBytes", certificateBytes);
        command.Parameters.AddWithValue("BodyRepeats", bodyRepeats);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The rows of <c>certificates</c> the upload's invoices name (the certificate itself is never in the invoice's row).</summary>
    private static async Task<long> StoredCertificatesAsync(NpgsqlConnection connection, long upload)
    {
        await using var command = new NpgsqlCommand("""
            SELECT count(*) FROM certificates c
            WHERE c.certificate_id IN (SELECT i.certificate_id FROM invoices i WHERE i.upload_id = @Upload)
            """, connection);
        command.Parameters.AddWithValue("Upload", upload);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// Bodies stored whole in their row: an inline value that was not compressed takes its length plus a header there
    /// (pg_column_size); one compressed or kept in the TOAST table is reported smaller than its length.
    /// </summary>
    private static async Task<long> InlineBodiesAsync(NpgsqlConnection connection, long upload)
    {
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM invoices WHERE upload_id = @Upload AND pg_column_size(body) > octet_length(body)", connection);
        command.Parameters.AddWithValue("Upload", upload);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
