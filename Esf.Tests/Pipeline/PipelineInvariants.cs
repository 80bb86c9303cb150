using Dapper;
using Npgsql;

namespace Esf.Tests.Pipeline;

/// <summary>Reads the database behind the pipeline to check its promises: each invoice finished once, numbers unique.</summary>
public static class PipelineInvariants
{
    /// <summary>For each invoice: how many times it entered CREATED or FAILED according to its history.</summary>
    public static async Task<Dictionary<long, int>> FinishCountsAsync(IReadOnlyCollection<long> invoiceIds)
    {
        await using var connection = new NpgsqlConnection(TestServices.RequirePostgres());
        var rows = await connection.QueryAsync<(long InvoiceId, int Count)>("""
            SELECT i.id, (SELECT count(*)::int FROM invoice_status_history h
                          WHERE h.invoice_id = i.id AND h.to_status IN ('CREATED', 'FAILED'))
            FROM unnest(@Ids) AS i(id)
            """, new { Ids = invoiceIds.ToArray() });
        return rows.ToDictionary(r => r.InvoiceId, r => r.Count);
    }

    public static async Task<List<(string Status, string? RegistrationNumber)>> StatusesAsync(IReadOnlyCollection<long> invoiceIds)
    {
        await using var connection = new NpgsqlConnection(TestServices.RequirePostgres());
        return (await connection.QueryAsync<(string, string?)>(
            "SELECT status, registration_number FROM invoices WHERE invoice_id = ANY(@Ids)", new { Ids = invoiceIds.ToArray() })).ToList();
    }
}
