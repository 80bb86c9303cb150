using System.Globalization;
using System.Text;
using Esf.Api.Rest.Auth;
using Esf.Api.Rest.Problems;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Export;
using Esf.Infrastructure.Warehouse;

namespace Esf.Api.Rest.Warehouse;

/// <summary>
/// /api/v1/warehouse-balances/export: the enterprise's balances in every warehouse («Остатки товаров»), now or as of a past
/// moment (the sums of the movements up to it), as JSON or CSV (issue 13 item 6).
/// </summary>
public static class BalanceExportEndpoints
{
    private const string CsvHeader =
        "warehouseId,goodsId,gsvsCode,tnvedCode,sourceKind,sourceNumber,sourcePosition,sourceName,country,physicalMark,price,gsvsName,quantity,unit";

    public static RouteGroupBuilder MapBalanceExportEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/warehouse-balances/export", ExportAsync).WithTags("Virtual warehouse").WithName("ExportWarehouseBalances")
            .WithSummary("The balances of all the enterprise's warehouses as of a moment, as JSON or CSV")
            .WithDescription("asOf (optional): a day (its start in Kazakhstan time) or an ISO 8601 moment; format: json (default) or csv " +
                "(UTF-8 with BOM, RFC 4180, one line per goods line holding goods, the 10 columns of «Остатки товаров», the unit and the ids).")
            .Produces<IReadOnlyList<GoodsBalance>>(StatusCodes.Status200OK, "application/json", "text/csv")
            .ProducesRestProblems(StatusCodes.Status400BadRequest);
        return api;
    }

    private static async Task<IResult> ExportAsync(string? asOf, string? format, BearerSession bearer, WarehouseBalances balances, CancellationToken ct)
    {
        var csv = format?.ToLowerInvariant() switch
        {
            null or "json" => false,
            "csv" => true,
            _ => throw EsfException.InvalidInput($"format «{format}» is not json or csv."),
        };
        var lines = await balances.ExportAsync(bearer.Context, RequestDates.Instant(asOf, "asOf"), ct);
        if (!csv)
        {
            return TypedResults.Ok(lines);
        }

        var text = new StringBuilder(CsvHeader).Append("\r\n");
        foreach (var l in lines)
        {
            text.Append(CultureInfo.InvariantCulture, $"{l.WarehouseId},{l.GoodsId},{CsvText.Escape(l.GsvsCode)},{CsvText.Escape(l.TnvedCode)},")
                .Append(CultureInfo.InvariantCulture, $"{CsvText.Escape(l.SourceKind)},{CsvText.Escape(l.SourceNumber)},{l.SourcePosition},")
                .Append(CultureInfo.InvariantCulture, $"{CsvText.Escape(l.SourceName)},{CsvText.Escape(l.Country)},{CsvText.Escape(l.PhysicalMark)},")
                .Append(CultureInfo.InvariantCulture, $"{l.Price},{CsvText.Escape(l.GsvsName)},{l.Quantity},{CsvText.Escape(l.Unit)}\r\n");
        }

        return TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray(), "text/csv; charset=utf-8",
            "warehouse-balances.csv");
    }
}
