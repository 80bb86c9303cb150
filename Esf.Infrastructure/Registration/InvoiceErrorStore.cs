using Npgsql;

namespace Esf.Infrastructure.Registration;

/// <summary>Stores every violation of failed invoices (COPY), in the caller's transaction.</summary>
internal static class InvoiceErrorStore
{
    public static async Task InsertAsync(NpgsqlConnection connection, IReadOnlyList<InvoiceVerdict> failed, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY invoice_errors (invoice_id, position, rule_id, error_code, property, text) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var verdict in failed)
        {
            for (var position = 0; position < verdict.Violations.Count; position++)
            {
                var violation = verdict.Violations[position];
                await copy.WriteRowAsync(cancellationToken,
                    verdict.InvoiceId, position, violation.RuleId, violation.ErrorCode, violation.Property, violation.Message);
            }
        }

        await copy.CompleteAsync(cancellationToken);
    }
}
