using Dapper;
using Esf.Domain.Employees;
using Esf.Domain.Warehouse;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Sessions;
using Npgsql;

namespace Esf.Infrastructure.Warehouse;

/// <summary>
/// The journal of warehouse forms: <see cref="WarehouseFormUploader"/> stores a form QUEUED with its upload (the worker's
/// <see cref="WarehouseFormProcessor"/> decides it), and a taxpayer reads the forms it sent or received here; another enterprise's
/// form is «not found». Reading needs the employee right VIEW (ADR 0037 amendment).
/// </summary>
public sealed class WarehouseForms(NpgsqlDataSource database)
{
    private const string Columns = WarehouseFormUploader.Columns;

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
