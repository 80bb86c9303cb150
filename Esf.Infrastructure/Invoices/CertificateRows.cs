using Npgsql;

namespace Esf.Infrastructure.Invoices;

/// <summary>
/// Invoices' certificates, each distinct one stored once in <c>certificates</c> and named by the invoice's <c>certificate_id</c>
/// (migration 0174, ADR 0048): the SQL that writes and reads them, so every reader returns the very text that was uploaded.
/// </summary>
internal static class CertificateRows
{
    /// <summary>The id of the certificate given in <paramref name="parameter"/>, its row written first when it is new.</summary>
    public static string IdOf(string parameter) => $"certificate_id_of({parameter})";

    /// <summary>
    /// Sets each row's certificate, read once per distinct certificate: a page of search or export results names one or a few,
    /// so each is read and allocated once instead of once per row.
    /// </summary>
    public static async Task FillAsync(NpgsqlConnection connection, IReadOnlyCollection<InvoiceRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var certificates = await LoadAsync(connection, rows.Select(r => r.CertificateId), cancellationToken);
        foreach (var row in rows)
        {
            row.Certificate = certificates[row.CertificateId];
        }
    }

    /// <summary>The certificates with these ids, each read once however many invoices name it.</summary>
    public static async Task<Dictionary<long, string>> LoadAsync(
        NpgsqlConnection connection, IEnumerable<long> ids, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT certificate_id, certificate FROM certificates WHERE certificate_id = ANY(@Ids)", connection);
        command.Parameters.AddWithValue("Ids", ids.Distinct().ToArray());
        var certificates = new Dictionary<long, string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            certificates.Add(reader.GetInt64(0), reader.GetString(1));
        }

        return certificates;
    }
}
