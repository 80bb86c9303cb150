using Esf.Infrastructure.Persistence;
using Esf.Tests.Infrastructure;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Notifications;

/// <summary>
/// The invoice notification trigger (ADR 0036, migration 0157) rule by rule: which history rows notify whom, with which kind and
/// message, and which reminders they open — written by the history statement itself, in its transaction. Each case writes its
/// history in a transaction that is rolled back, on one migrated database of its own.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class Notifying_by_status_change
{
    private const string Seller = "123456789021";
    private const string Customer = "123456789022";

    private ScratchDatabase? database;
    private NpgsqlConnection? connection;

    [OneTimeSetUp]
    public async Task MigrateAsync()
    {
        database = await ScratchDatabase.CreateAsync("notifying");
        await DatabaseMigrator.MigrateAsync(database.ConnectionString, CancellationToken.None);
        connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
    }

    [OneTimeTearDown]
    public async Task DropAsync()
    {
        await connection!.DisposeAsync();
        await database!.DisposeAsync();
    }

    [TestCase(null, "CREATED", "INBOUND_INVOICE", Customer, "Поступил ЭСФ ESF-1 от " + Seller, TestName = "Registered at once: the recipient is told")]
    [TestCase("IN_QUEUE", "CREATED", "INBOUND_INVOICE", Customer, "Поступил ЭСФ ESF-1 от " + Seller, TestName = "Registered from the queue: the recipient is told")]
    [TestCase("IN_PROCESSING", "CREATED", "INBOUND_INVOICE", Customer, "Поступил ЭСФ ESF-1 от " + Seller, TestName = "Registered from processing: the recipient is told")]
    [TestCase("IMPORTED", "CREATED", "INBOUND_INVOICE", Customer, "Поступил ЭСФ ESF-1 от " + Seller, TestName = "Transferred from IMPORTED: the recipient is told")]
    [TestCase("DECLINED", "CREATED", null, null, null, TestName = "Given back as CREATED (ИС ГО): nobody is told again")]
    [TestCase("CREATED", "DECLINED", "INVOICE_DECLINED", Seller, "Получатель отклонил ЭСФ ESF-1: не та цена", TestName = "Declined: the supplier is told, with the reason")]
    [TestCase("CREATED", "REVOKED", "INVOICE_REVOKED", Customer, "Поставщик отозвал ЭСФ ESF-1: не та цена", TestName = "Revoked: the recipient is told, with the reason")]
    [TestCase(null, "IN_QUEUE", null, null, null, TestName = "Queued: nobody is told")]
    [TestCase("IN_QUEUE", "FAILED", null, null, null, TestName = "Failed: nobody is told")]
    public async Task Should_notify_whom_the_status_change_concerns(string? from, string to, string? kind, string? tin, string? message)
    {
        // Arrange
        await using var transaction = await connection!.BeginTransactionAsync();
        var invoice = await InvoiceAsync("ORDINARY_INVOICE", "ESF-1");

        // Act
        await HistoryAsync([(invoice, from, to)]);

        // Assert
        var notified = await NotificationsAsync();
        Assert.That(notified, Is.EqualTo(kind is null ? Array.Empty<(string, string, long, string)>() : [(kind, tin!, invoice, message!)]));
    }

    [TestCase("FIXED_INVOICE", true, TestName = "A corrected invoice opens the recipient's decline window reminder")]
    [TestCase("ADDITIONAL_INVOICE", true, TestName = "An additional invoice opens the recipient's decline window reminder")]
    [TestCase("ORDINARY_INVOICE", false, TestName = "An ordinary invoice opens no reminder")]
    public async Task Should_remind_of_the_decline_window_of_corrected_and_additional_invoices(string type, bool reminded)
    {
        // Arrange
        await using var transaction = await connection!.BeginTransactionAsync();
        var invoice = await InvoiceAsync(type, "ESF-2");

        // Act
        await HistoryAsync([(invoice, "IN_QUEUE", "CREATED")]);

        // Assert
        await using var command = new NpgsqlCommand(
            "SELECT tin, last_day - DATE '2026-11-02', remind_on - last_day FROM deadline_reminders WHERE document_id = @Id AND kind = 'DECLINE_DEADLINE'", connection);
        command.Parameters.AddWithValue("Id", invoice);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, int, int)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2)));
        }

        // Registered on 2026-11-02 (Kazakhstan time) and dated that day: the last day is 10 days later, reminded the day before.
        Assert.That(rows, Is.EqualTo(reminded ? [(Customer, 10, -1)] : Array.Empty<(string, int, int)>()));
    }

    [Test]
    public async Task Should_notify_each_row_of_one_statement_by_its_own_status()
    {
        // Arrange
        await using var transaction = await connection!.BeginTransactionAsync();
        var (registered, declined, queued) = (await InvoiceAsync("ORDINARY_INVOICE", "ESF-3"), await InvoiceAsync("ORDINARY_INVOICE", "ESF-4"),
            await InvoiceAsync("ORDINARY_INVOICE", "ESF-5"));

        // Act
        await HistoryAsync([(registered, "IN_QUEUE", "CREATED"), (declined, "CREATED", "DECLINED"), (queued, null, "IN_QUEUE")]);

        // Assert
        var notified = await NotificationsAsync();
        Assert.That(notified.Select(n => (n.Kind, n.Tin, n.Document)),
            Is.EquivalentTo(new[] { ("INBOUND_INVOICE", Customer, registered), ("INVOICE_DECLINED", Seller, declined) }));
    }

    private async Task<long> InvoiceAsync(string type, string registrationNumber)
    {
        await using var command = new NpgsqlCommand("""
            WITH upload AS (
                INSERT INTO uploads (session_id, tin, login, channel, item_count, accepted_count)
                VALUES ('generated', @Seller, '880101300123', 'REST', 1, 1) RETURNING upload_id)
            INSERT INTO invoices (upload_id, registration_number, status, num, invoice_date, date_text, turnover_date, invoice_type, seller_tin,
                                  customer_tin, sender_tin, sender_login, body, signature, signature_type, signature_valid, certificate_id, version, hash)
            SELECT upload_id, @Number, 'CREATED', @Number, DATE '2026-11-02', '02.11.2026', DATE '2026-11-02', @Type, @Seller, @Customer, @Seller,
                   '880101300123', '<invoice/>', 'generated', 'COMPANY', true, (SELECT certificate_id_of('generated')), 'InvoiceV2', md5(@Number)
            FROM upload
            RETURNING invoice_id
            """, connection);
        command.Parameters.AddWithValue("Seller", Seller);
        command.Parameters.AddWithValue("Customer", Customer);
        command.Parameters.AddWithValue("Type", type);
        command.Parameters.AddWithValue("Number", registrationNumber);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>One history statement for every row given, as <c>StatusHistoryStore.AppendEachAsync</c> writes them.</summary>
    private async Task HistoryAsync(IReadOnlyList<(long Invoice, string? From, string To)> rows)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO invoice_status_history (invoice_id, from_status, to_status, actor, tin, reason, changed_at)
            SELECT id, from_status, to_status, 'test', NULL, 'не та цена', TIMESTAMPTZ '2026-11-02 10:00:00+05'
            FROM unnest(@Ids, @From, @To) AS r(id, from_status, to_status)
            """, connection);
        command.Parameters.AddWithValue("Ids", rows.Select(r => r.Invoice).ToArray());
        command.Parameters.Add(new NpgsqlParameter("From", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Varchar) { Value = rows.Select(r => r.From).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("To", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Varchar) { Value = rows.Select(r => r.To).ToArray() });
        await command.ExecuteNonQueryAsync();
    }

    private async Task<List<(string Kind, string Tin, long Document, string Message)>> NotificationsAsync()
    {
        await using var command = new NpgsqlCommand("SELECT kind, tin, document_id, message FROM notifications WHERE document_type = 'INVOICE' ORDER BY id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string, long, string)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3)));
        }

        return rows;
    }
}
