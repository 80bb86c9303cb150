using System.Text.Json;
using Dapper;
using Esf.Domain.Employees;
using Esf.Domain.Warehouse;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Sessions;
using Npgsql;

namespace Esf.Infrastructure.Warehouse;

/// <summary>
/// The journal of warehouse forms: an upload stores the form QUEUED (the worker's <see cref="WarehouseFormProcessor"/> decides it),
/// and a taxpayer reads the forms it sent or received; another enterprise's form is «not found». Uploading needs the employee
/// right SIGN (a form is «отправка» to the Module, as the signed upload), reading VIEW (ADR 0037 amendment).
/// </summary>
public sealed class WarehouseForms(NpgsqlDataSource database, TimeProvider clock)
{
    private const string Columns = """
        form_id, tin, kind, number, form_date, recipient_tin, total, status, error_reason, created_at, processed_at
        """;

    public async Task<WarehouseFormRecord> UploadAsync(SessionContext session, WarehouseFormDraft draft, CancellationToken cancellationToken)
    {
        session.Demand(EmployeeRight.Sign);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await connection.QuerySingleAsync<WarehouseFormRecord>(new CommandDefinition($"""
                INSERT INTO warehouse_forms (tin, kind, number, form_date, recipient_tin, total, lines, created_at)
                VALUES (@Tin, @Kind, @Number, @Date, @RecipientTin, @Total, @Lines::jsonb, @Now)
                RETURNING {Columns}
                """, new
            {
                session.Tin, Kind = WarehouseNames.FormKinds.Code(draft.Kind), draft.Number, draft.Date, draft.RecipientTin,
                draft.Total, Lines = JsonSerializer.Serialize(draft.Lines), Now = clock.GetUtcNow().UtcDateTime,
            }, cancellationToken: cancellationToken));
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw EsfException.Conflict($"A form number {draft.Number} of {draft.Date:dd.MM.yyyy} was already uploaded.", "NOT_UNIQUE_NUMBER_AND_DATE");
        }
    }

    public async Task<IReadOnlyList<WarehouseFormRecord>> ListAsync(SessionContext session, CancellationToken cancellationToken)
    {
        session.Demand(EmployeeRight.View);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<WarehouseFormRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM warehouse_forms WHERE tin = @Tin OR recipient_tin = @Tin ORDER BY form_id DESC LIMIT 1000",
            new { session.Tin }, cancellationToken: cancellationToken))];
    }

    public async Task<WarehouseFormRecord> GetAsync(SessionContext session, long id, CancellationToken cancellationToken)
    {
        session.Demand(EmployeeRight.View);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<WarehouseFormRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM warehouse_forms WHERE form_id = @Id AND (tin = @Tin OR recipient_tin = @Tin)",
            new { session.Tin, Id = id }, cancellationToken: cancellationToken))
            ?? throw EsfException.NotFound($"No warehouse form {id} was sent or received by this enterprise.");
    }
}
