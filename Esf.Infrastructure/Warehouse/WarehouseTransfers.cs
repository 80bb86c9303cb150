using Dapper;
using Esf.Domain.Employees;
using Esf.Domain.Rules;
using Esf.Domain.Warehouse;
using Esf.Infrastructure.Sessions;
using Npgsql;

namespace Esf.Infrastructure.Warehouse;

/// <summary>
/// A transfer between two warehouses of the session's enterprise, as the taxpayer asks for it: it moves goods («передача»), so
/// the person needs the employee right SIGN and no other (ADR 0037 amendment); the movement pair itself is the ledger's
/// (<see cref="WarehouseLedger.TransferAsync"/>), which the worker shares and which therefore knows the enterprise only by its TIN.
/// </summary>
public sealed class WarehouseTransfers(NpgsqlDataSource database, WarehouseLedger ledger)
{
    /// <summary>
    /// Moves <paramref name="quantity"/> of the goods line <paramref name="goodsId"/>, which must hold goods in the warehouse
    /// <paramref name="warehouseId"/> (VS-02 otherwise; another enterprise's warehouse is «not found»); answers the broken rule, or null.
    /// </summary>
    public async Task<RuleViolation?> TransferAsync(SessionContext session, long warehouseId, long goodsId, long toWarehouseId, decimal quantity,
        CancellationToken cancellationToken)
    {
        session.Demand(EmployeeRight.Sign);
        await using (var connection = await database.OpenConnectionAsync(cancellationToken))
        {
            _ = await WarehouseStore.FindAsync(connection, null, session.Tin, warehouseId, cancellationToken) ?? throw WarehouseStore.NotFound(warehouseId);
            var held = await connection.ExecuteScalarAsync<bool>(new CommandDefinition("""
                SELECT EXISTS (SELECT 1 FROM warehouse_goods WHERE goods_id = @GoodsId AND warehouse_id = @WarehouseId AND tin = @Tin AND quantity > 0)
                """, new { GoodsId = goodsId, WarehouseId = warehouseId, session.Tin }, cancellationToken: cancellationToken));
            if (!held)
            {
                return WarehouseRules.GoodsLineMustExist.Violation("goodsId", $"{goodsId} in warehouse {warehouseId}");
            }
        }

        return await ledger.TransferAsync(session.Tin, goodsId, toWarehouseId, quantity, cancellationToken);
    }
}
