using System.Text.Json;
using Dapper;
using Esf.Domain.Warehouse;
using Esf.Infrastructure.Errors;
using Npgsql;

namespace Esf.Infrastructure.Warehouse;

/// <summary>
/// The journal of warehouse forms: an upload stores the form QUEUED (the worker's <see cref="WarehouseFormProcessor"/> decides it),
/// and a taxpayer reads the forms it sent or received; another enterprise's form is «not found».
/// </summary>
public sealed class WarehouseForms(NpgsqlDataSource database, TimeProvider clock)
{
    private const string Columns = """
        form_id, tin, kind, number, form_date, recipient_tin, total, status, error_reason, created_at, processed_at
        """;

    public async Task<WarehouseFormRecord> UploadAsync(string tin, WarehouseFormDraft draft, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await connection.QuerySingleAsync<WarehouseFormRecord>(new CommandDefinition($"""
                INSERT INTO warehouse_forms (tin, kind, number, form_date, recipient_tin, total, lines, created_at)
                VALUES (@Tin, @Kind, @Number, @Date, @RecipientTin, @Total, @Lines::jsonb, @Now)
                RETURNING {Columns}
                """, new
            {
                Tin = tin, Kind = WarehouseNames.FormKinds.Code(draft.Kind), draft.Number, draft.Date, draft.RecipientTin,
                draft.Total, Lines = JsonSerializer.Serialize(draft.Lines), Now = clock.GetUtcNow().UtcDateTime,
            }, cancellationToken: cancellationToken));
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw EsfException.Conflict($"A form number {draft.Number} of {draft.Date:dd.MM.yyyy} was already uploaded.", "NOT_UNIQUE_NUMBER_AND_DATE");
        }
    }

    public async Task<IReadOnlyList<WarehouseFormRecord>> ListAsync(string tin, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<WarehouseFormRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM warehouse_forms WHERE tin = @Tin OR recipient_tin = @Tin ORDER BY form_id DESC LIMIT 1000",
            new { Tin = tin }, cancellationToken: cancellationToken))];
    }

    public async Task<WarehouseFormRecord> GetAsync(string tin, long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<WarehouseFormRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM warehouse_forms WHERE form_id = @Id AND (tin = @Tin OR recipient_tin = @Tin)",
            new { Tin = tin, Id = id }, cancellationToken: cancellationToken))
            ?? throw EsfException.NotFound($"No warehouse form {id} was sent or received by this enterprise.");
    }
}
