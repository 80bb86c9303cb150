using System.Text.Json;
using Esf.Domain.Warehouse;

namespace Esf.Infrastructure.Warehouse;

/// <summary>The stored form of an invoice's warehouse lines (<c>invoices.warehouse_lines</c>, jsonb): <c>[{line, warehouseId, goodsId}]</c>.</summary>
public static class WarehouseLinesJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>Null for none, so that a plain invoice stores NULL and the worker knows without a query that it moves nothing.</summary>
    public static string? Write(IReadOnlyList<WarehouseLineRef>? lines) => lines is { Count: > 0 } ? JsonSerializer.Serialize(lines, Options) : null;

    public static IReadOnlyList<WarehouseLineRef> Read(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<List<WarehouseLineRef>>(json, Options) ?? [];
}
