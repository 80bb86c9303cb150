using Dapper;
using Esf.Domain.Employees;
using Esf.Domain.Warehouse;
using Esf.Infrastructure.Sessions;
using Npgsql;

namespace Esf.Infrastructure.Warehouse;

/// <summary>
/// The lists «ДТ» and «ФНО 328.00» of a taxpayer (its own imports only), and the search of the global catalogue ГС ВС. Both are
/// «просмотр»: they need the employee right VIEW (ADR 0037 amendment), the catalogue too, as every read inside an enterprise.
/// </summary>
public sealed class GoodsSourceQueries(NpgsqlDataSource database)
{
    private const int MaxCatalogueHits = 200;

    public async Task<IReadOnlyList<GoodsSourceRecord>> ListAsync(SessionContext session, GoodsSourceKind kind, CancellationToken cancellationToken)
    {
        session.Demand(EmployeeRight.View);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<GoodsSourceRecord>(new CommandDefinition("""
            SELECT source_kind, source_number, source_position, gsvs_code, tnved_code, name, country, price, quantity, unit, warehouse_id, imported_at
            FROM goods_sources WHERE importer_tin = @Tin AND source_kind = @Kind
            ORDER BY source_number, source_position
            """, new { session.Tin, Kind = WarehouseNames.SourceKinds.Code(kind) }, cancellationToken: cancellationToken))];
    }

    /// <summary>Catalogue positions whose code starts with <paramref name="code"/> and whose name contains <paramref name="name"/> (any case).</summary>
    public async Task<IReadOnlyList<GsvsEntry>> SearchCatalogueAsync(SessionContext session, string? code, string? name, CancellationToken cancellationToken)
    {
        session.Demand(EmployeeRight.View);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<GsvsEntry>(new CommandDefinition("""
            SELECT code, name_ru, tnved_code FROM gsvs_catalogue
            WHERE (@Code::text IS NULL OR code LIKE replace(replace(@Code, '%', '\%'), '_', '\_') || '%')
              AND (@Name::text IS NULL OR name_ru ILIKE '%' || replace(replace(@Name, '%', '\%'), '_', '\_') || '%')
            ORDER BY code LIMIT @Limit
            """, new { Code = code, Name = name, Limit = MaxCatalogueHits }, cancellationToken: cancellationToken))];
    }
}
