using Esf.Domain.Invoices;
using Esf.Infrastructure.Persistence;
using Esf.Infrastructure.Search;
using Esf.Tests.Infrastructure;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Pipeline;

/// <summary>
/// Each distinct certificate is stored once and every invoice names it (migration 0174, ADR 0048): what an invoice returns is
/// still exactly the certificate it was uploaded with, whether it was uploaded since or moved by the migration.
/// </summary>
[TestFixture]
[Category("Database")]
public sealed class Keeping_one_row_per_certificate
{
    private static GatewayFixture Fixture => PipelineGateway.Fixture;

    [Test]
    public async Task Should_return_each_invoice_the_certificate_of_its_upload_and_store_each_certificate_once()
    {
        var first = await PipelineDriver.StartAsync(Fixture);
        var second = await PipelineDriver.StartAsync(Fixture);
        Assert.That(second.Tenant.CertificateBase64, Is.Not.EqualTo(first.Tenant.CertificateBase64), "two different certificates");

        // Two uploads with the first certificate, one with the second; the worker verifies each signature with its own upload's.
        var uploads = new[]
        {
            (Driver: first, Result: await first.UploadAsync(first.Item(TestInvoices.Build(first.Tenant)), first.Item(TestInvoices.Build(first.Tenant)))),
            (Driver: first, Result: await first.UploadAsync(first.Item(TestInvoices.Build(first.Tenant)))),
            (Driver: second, Result: await second.UploadAsync(second.Item(TestInvoices.Build(second.Tenant)))),
        };

        foreach (var (driver, result) in uploads)
        {
            foreach (var accepted in result.Accepted)
            {
                var invoice = await driver.FinishedAsync(accepted.InvoiceId!.Value);
                Assert.Multiple(() =>
                {
                    Assert.That(invoice.Status, Is.EqualTo(InvoiceStatus.Created), "registered: its signature verified with its upload's certificate");
                    Assert.That(invoice.Certificate, Is.EqualTo(driver.Tenant.CertificateBase64), "the very certificate uploaded");
                });
            }
        }

        // The search (and the export, which pages through it) fills each row's certificate from one read per page.
        foreach (var driver in new[] { first, second })
        {
            var page = await Fixture.Get<InvoiceSearch>().AfterAsync(driver.Session, new InvoiceFilter(), InvoiceSort.Date, true, null, 50, CancellationToken.None);
            Assert.That(page.Invoices.Select(i => i.Certificate).ToList(), Has.Count.EqualTo(uploads.Where(u => u.Driver == driver).Sum(u => u.Result.Accepted.Count))
                .And.All.EqualTo(driver.Tenant.CertificateBase64), "the search returns each invoice's own certificate");
        }

        await using var connection = await Fixture.Get<NpgsqlDataSource>().OpenConnectionAsync();
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await StoredCopiesAsync(connection, first.Tenant.CertificateBase64), Is.EqualTo(1), "the first certificate, used by two uploads");
            Assert.That(await StoredCopiesAsync(connection, second.Tenant.CertificateBase64), Is.EqualTo(1), "the second certificate");
        });
    }

    [Test]
    public async Task Should_move_the_certificates_of_invoices_written_in_the_old_layout_and_return_them_unchanged()
    {
        await using var database = await ScratchDatabase.CreateAsync("certificate_rows");
        await DatabaseMigrator.MigrateAsync(database.ConnectionString, before: "0174", CancellationToken.None);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        var certificates = new[] { "MIIB" + new string('A', 1180) + "==", "MIIC" + new string('B', 1180) + "=" };
        var written = new Dictionary<long, string>();
        for (var i = 0; i < 6; i++)
        {
            written.Add(await InsertOldLayoutAsync(connection, certificates[i % 2]), certificates[i % 2]);
        }

        await DatabaseMigrator.MigrateAsync(database.ConnectionString, CancellationToken.None);

        await using var read = new NpgsqlCommand(
            $"SELECT i.invoice_id, {CertificateOfInvoice.Column} FROM invoices i WHERE i.invoice_id = ANY(@Ids)", connection);
        read.Parameters.AddWithValue("Ids", written.Keys.ToArray());
        var readBack = new Dictionary<long, string>();
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                readBack.Add(reader.GetInt64(0), reader.GetString(1));
            }
        }

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(readBack, Is.EquivalentTo(written), "every invoice's certificate, byte for byte");
            Assert.That(await StoredCopiesAsync(connection, certificates[0]), Is.EqualTo(1));
            Assert.That(await StoredCopiesAsync(connection, certificates[1]), Is.EqualTo(1));
            Assert.That(await ScalarAsync<long>(connection,
                "SELECT count(*) FROM information_schema.columns WHERE table_name = 'invoices' AND column_name = 'certificate'"), Is.Zero,
                "the invoice row no longer carries the certificate");
        });
    }

    [Test]
    public async Task Should_refuse_to_change_or_delete_a_certificate_invoices_refer_to()
    {
        await using var connection = await Fixture.Get<NpgsqlDataSource>().OpenConnectionAsync();
        var id = await ScalarAsync<long>(connection, $"SELECT certificate_id_of('refused-{Guid.NewGuid():N}')");

        var delete = await Assert.ThrowsAsync<PostgresException>(() => ScalarAsync<object>(connection, $"DELETE FROM certificates WHERE certificate_id = {id}"));
        var update = await Assert.ThrowsAsync<PostgresException>(() => ScalarAsync<object>(connection, $"UPDATE certificates SET certificate = 'x' WHERE certificate_id = {id}"));
        Assert.That(new[] { delete!.MessageText, update!.MessageText }, Has.All.Contains("never changed or deleted"));
    }

    private static async Task<long> StoredCopiesAsync(NpgsqlConnection connection, string certificate)
    {
        await using var command = new NpgsqlCommand("SELECT count(*) FROM certificates WHERE certificate = @Certificate", connection);
        command.Parameters.AddWithValue("Certificate", certificate);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>An invoice as migrations up to 0173 stored it: the certificate in its own row.</summary>
    private static async Task<long> InsertOldLayoutAsync(NpgsqlConnection connection, string certificate)
    {
        await using var command = new NpgsqlCommand("""
            WITH upload AS (
                INSERT INTO uploads (session_id, tin, login, channel, item_count, accepted_count)
                VALUES ('old-layout', '123456789021', '880101300123', 'REST', 1, 1) RETURNING upload_id)
            INSERT INTO invoices (upload_id, status, num, invoice_date, date_text, invoice_type, seller_tin, sender_tin, sender_login,
                                  body, signature, signature_type, certificate, version, hash)
            SELECT upload_id, 'CREATED', left(md5(random()::text), 20), current_date, to_char(current_date, 'DD.MM.YYYY'), 'ORDINARY_INVOICE',
                   '123456789021', '123456789021', '880101300123', '<invoice/>', 'signature', 'COMPANY', @Certificate, 'InvoiceV2', md5(random()::text)
            FROM upload
            RETURNING invoice_id
            """, connection);
        command.Parameters.AddWithValue("Certificate", certificate);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
