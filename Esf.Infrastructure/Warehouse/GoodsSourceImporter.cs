using Dapper;
using Esf.Domain.Warehouse;
using Esf.Infrastructure.Registry;
using Npgsql;

namespace Esf.Infrastructure.Warehouse;

/// <summary>
/// Imports ДТ and ФНО 328.00 positions (standing in for the customs and tax systems, Rules p.95) and credits each to its
/// importer's default warehouse. Each position has its own transaction: the position is stored and credited together, once;
/// a position already stored is counted, not credited again. A position whose importer has no default warehouse is refused
/// (VS-05) and not stored, so a later import credits it.
/// </summary>
public sealed class GoodsSourceImporter(NpgsqlDataSource database, WarehouseLedger ledger, TimeProvider clock)
{
    public async Task<GoodsSourceImportReport> ImportAsync(GoodsSourceKind kind, string text, bool json, CancellationToken cancellationToken)
    {
        var (lines, rejected) = GoodsSourceFile.Read(kind, text, json);
        var (credited, already) = (0, 0);
        foreach (var (line, source) in lines)
        {
            switch (await CreditAsync(source, cancellationToken))
            {
                case true:
                    credited++;
                    break;
                case false:
                    already++;
                    break;
                default:
                    rejected.Add(new RejectedLine(line, $"{WarehouseRules.ImporterMustHaveDefaultWarehouse.Id}: " +
                        WarehouseRules.ImporterMustHaveDefaultWarehouse.MessageRu));
                    break;
            }
        }

        return new GoodsSourceImportReport(WarehouseNames.SourceKinds.Code(kind), credited, already, [.. rejected.OrderBy(r => r.Line)]);
    }

    /// <returns>True when credited now, false when credited before, null when the importer has no default warehouse.</returns>
    private async Task<bool?> CreditAsync(GoodsSourceLine source, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var warehouseId = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            "SELECT warehouse_id FROM warehouses WHERE tin = @Tin AND is_default", new { Tin = source.ImporterTin }, transaction,
            cancellationToken: cancellationToken));
        if (warehouseId is null)
        {
            return null;
        }

        var goods = source.Goods;
        var stored = await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO goods_sources (source_kind, source_number, source_position, importer_tin, gsvs_code, tnved_code, name, country, price,
                                       quantity, unit, warehouse_id, imported_at)
            VALUES (@Kind, @SourceNumber, @SourcePosition, @Importer, @GsvsCode, @TnvedCode, @SourceName, @Country, @Price, @Quantity, @Unit,
                    @WarehouseId, @Now)
            ON CONFLICT DO NOTHING
            """, new
        {
            Kind = WarehouseNames.SourceKinds.Code(goods.SourceKind), goods.SourceNumber, goods.SourcePosition, Importer = source.ImporterTin, goods.GsvsCode,
            goods.TnvedCode, goods.SourceName, goods.Country, goods.Price, source.Quantity, goods.Unit, WarehouseId = warehouseId,
            Now = clock.GetUtcNow().UtcDateTime,
        }, transaction, cancellationToken: cancellationToken));
        if (stored == 0)
        {
            return false;
        }

        var named = goods with
        {
            GsvsName = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
                "SELECT name_ru FROM gsvs_catalogue WHERE code = @Code", new { Code = goods.GsvsCode }, transaction, cancellationToken: cancellationToken)),
        };
        var (_, violation) = await ledger.ReceiveAsync(connection, transaction, source.ImporterTin, warehouseId.Value, named, source.Quantity,
            source.Cause, MovementCauses.Receipt, cancellationToken);
        await WarehouseLedger.FinishAsync(transaction, violation, cancellationToken);
        return violation is null;
    }
}
