using Dapper;
using Esf.Domain.Employees;
using Esf.Domain.Warehouse;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Sessions;
using Npgsql;

namespace Esf.Infrastructure.Warehouse;

/// <summary>
/// The taxpayer's warehouses. Every statement is scoped to the enterprise's TIN, so another enterprise's warehouse is «not
/// found» (ADR 0003). Changes of one taxpayer's tree run one at a time (a transaction-scoped advisory lock on its TIN), which
/// keeps "the first is the default" and the cycle check true under concurrent requests. Reading needs the employee right VIEW,
/// changing a warehouse CREATE (ADR 0037 amendment: a warehouse card is filled in, moves no goods and reports nothing).
/// </summary>
public sealed class WarehouseStore(NpgsqlDataSource database, TimeProvider clock)
{
    private const string Columns = """
        warehouse_id, tin, name, parent_id, location, kind, responsible_tin, inheritable, is_default, created_at
        """;

    private const string LockTree = "SELECT pg_advisory_xact_lock(hashtextextended('warehouses:' || @Tin, 0))";

    public async Task<IReadOnlyList<WarehouseRecord>> ListAsync(SessionContext session, CancellationToken cancellationToken)
    {
        session.Demand(EmployeeRight.View);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<WarehouseRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM warehouses WHERE tin = @Tin AND deleted_at IS NULL ORDER BY warehouse_id",
            new { session.Tin }, cancellationToken: cancellationToken))];
    }

    /// <summary>The enterprise's open warehouse, or <see cref="EsfException.NotFound"/> (also for another enterprise's).</summary>
    public async Task<WarehouseRecord> GetAsync(SessionContext session, long id, CancellationToken cancellationToken)
    {
        session.Demand(EmployeeRight.View);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await FindAsync(connection, null, session.Tin, id, cancellationToken) ?? throw NotFound(id);
    }

    /// <summary>Creates a warehouse; the taxpayer's first one becomes its default.</summary>
    public async Task<WarehouseRecord> CreateAsync(SessionContext session, WarehouseDraft draft, CancellationToken cancellationToken)
    {
        session.Demand(EmployeeRight.Create);
        var tin = session.Tin;
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(LockTree, new { Tin = tin }, transaction, cancellationToken: cancellationToken));
        await CheckParentAsync(connection, transaction, tin, null, draft.ParentId, cancellationToken);
        var created = await connection.QuerySingleAsync<WarehouseRecord>(new CommandDefinition($"""
            INSERT INTO warehouses (tin, name, parent_id, location, kind, responsible_tin, inheritable, is_default, created_at)
            VALUES (@Tin, @Name, @ParentId, @Location, @Kind, @ResponsibleTin, @Inheritable,
                    NOT EXISTS (SELECT 1 FROM warehouses WHERE tin = @Tin AND is_default), @Now)
            RETURNING {Columns}
            """, Parameters(tin, draft, new { Now = clock.GetUtcNow().UtcDateTime }), transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return created;
    }

    public async Task<WarehouseRecord> UpdateAsync(SessionContext session, long id, WarehouseDraft draft, CancellationToken cancellationToken)
    {
        session.Demand(EmployeeRight.Create);
        var tin = session.Tin;
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(LockTree, new { Tin = tin }, transaction, cancellationToken: cancellationToken));
        _ = await FindAsync(connection, transaction, tin, id, cancellationToken) ?? throw NotFound(id);
        await CheckParentAsync(connection, transaction, tin, id, draft.ParentId, cancellationToken);
        var updated = await connection.QuerySingleAsync<WarehouseRecord>(new CommandDefinition($"""
            UPDATE warehouses SET name = @Name, parent_id = @ParentId, location = @Location, kind = @Kind,
                                  responsible_tin = @ResponsibleTin, inheritable = @Inheritable
            WHERE warehouse_id = @Id AND tin = @Tin
            RETURNING {Columns}
            """, Parameters(tin, draft, new { Id = id }), transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return updated;
    }

    /// <summary>Makes the warehouse the default in one transaction: no reader ever sees none or two.</summary>
    public async Task<WarehouseRecord> MakeDefaultAsync(SessionContext session, long id, CancellationToken cancellationToken)
    {
        session.Demand(EmployeeRight.Create);
        var tin = session.Tin;
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(LockTree, new { Tin = tin }, transaction, cancellationToken: cancellationToken));
        _ = await FindAsync(connection, transaction, tin, id, cancellationToken) ?? throw NotFound(id);
        // Two statements: the unique index on the default is checked row by row, so the old default is cleared first.
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE warehouses SET is_default = false WHERE tin = @Tin AND is_default AND warehouse_id <> @Id;
            UPDATE warehouses SET is_default = true WHERE tin = @Tin AND warehouse_id = @Id;
            """, new { Tin = tin, Id = id }, transaction, cancellationToken: cancellationToken));
        var made = await FindAsync(connection, transaction, tin, id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return made!;
    }

    /// <summary>
    /// Deletes an empty warehouse. Refused (409) while it holds goods, has open child warehouses, or is the default while
    /// others remain (the taxpayer must always have one default, which imports credit).
    /// </summary>
    public async Task DeleteAsync(SessionContext session, long id, CancellationToken cancellationToken)
    {
        session.Demand(EmployeeRight.Create);
        var tin = session.Tin;
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(LockTree, new { Tin = tin }, transaction, cancellationToken: cancellationToken));
        var warehouse = await FindAsync(connection, transaction, tin, id, cancellationToken) ?? throw NotFound(id);
        // The goods lines are locked so that no receipt lands between this check and the delete.
        var state = await connection.QuerySingleAsync<(bool HoldsGoods, bool HasChildren, bool HasOthers)>(new CommandDefinition("""
            SELECT EXISTS (SELECT 1 FROM (SELECT quantity FROM warehouse_goods WHERE warehouse_id = @Id FOR UPDATE) g WHERE g.quantity > 0),
                   EXISTS (SELECT 1 FROM warehouses WHERE parent_id = @Id AND deleted_at IS NULL),
                   EXISTS (SELECT 1 FROM warehouses WHERE tin = @Tin AND warehouse_id <> @Id AND deleted_at IS NULL)
            """, new { Tin = tin, Id = id }, transaction, cancellationToken: cancellationToken));
        if (state.HoldsGoods)
        {
            throw EsfException.Conflict($"Склад «{warehouse.Name}» содержит товары и не может быть удалён (warehouse {id} holds goods: " +
                "write them off or move them to another warehouse first).", WarehouseErrors.HoldsGoods);
        }

        if (state.HasChildren)
        {
            throw EsfException.Conflict($"Склад «{warehouse.Name}» является родительским для других складов (warehouse {id} has child " +
                "warehouses: delete or re-parent them first).", WarehouseErrors.HasChildren);
        }

        if (warehouse.IsDefault && state.HasOthers)
        {
            throw EsfException.Conflict($"Склад «{warehouse.Name}» является складом по умолчанию (warehouse {id} is the default: make " +
                "another warehouse the default first).", WarehouseErrors.IsDefault);
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE warehouses SET deleted_at = @Now, is_default = false WHERE warehouse_id = @Id AND tin = @Tin",
            new { Tin = tin, Id = id, Now = clock.GetUtcNow().UtcDateTime }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    internal static Task<WarehouseRecord?> FindAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string tin, long id, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<WarehouseRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM warehouses WHERE warehouse_id = @Id AND tin = @Tin AND deleted_at IS NULL",
            new { Tin = tin, Id = id }, transaction, cancellationToken: cancellationToken));

    internal static EsfException NotFound(long id) => EsfException.NotFound($"No warehouse {id} belongs to this enterprise.");

    /// <summary>The parent must be the enterprise's own open warehouse and not the warehouse itself or one of its descendants.</summary>
    private static async Task CheckParentAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string tin, long? id, long? parentId, CancellationToken cancellationToken)
    {
        if (parentId is not { } parent)
        {
            return;
        }

        if (await FindAsync(connection, transaction, tin, parent, cancellationToken) is null)
        {
            throw EsfException.InvalidInput($"parentId: no warehouse {parent} belongs to this enterprise.");
        }

        var ancestors = await connection.QueryAsync<long>(new CommandDefinition("""
            WITH RECURSIVE chain (warehouse_id, parent_id) AS (
                SELECT warehouse_id, parent_id FROM warehouses WHERE warehouse_id = @Parent AND tin = @Tin
                UNION
                SELECT w.warehouse_id, w.parent_id FROM warehouses w JOIN chain c ON w.warehouse_id = c.parent_id WHERE w.tin = @Tin)
            SELECT warehouse_id FROM chain
            """, new { Tin = tin, Parent = parent }, transaction, cancellationToken: cancellationToken));
        if (id is { } self && ancestors.Contains(self))
        {
            throw EsfException.InvalidInput($"parentId: warehouse {parent} is warehouse {self} itself or lies under it (the tree would become a cycle).");
        }
    }

    private static DynamicParameters Parameters(string tin, WarehouseDraft draft, object extra)
    {
        var parameters = new DynamicParameters(extra);
        parameters.AddDynamicParams(new
        {
            Tin = tin, draft.Name, draft.ParentId, draft.Location, Kind = WarehouseNames.Kinds.Code(draft.Kind), draft.ResponsibleTin, draft.Inheritable,
        });
        return parameters;
    }
}
