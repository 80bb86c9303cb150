using Esf.Api.Rest.Auth;
using Esf.Api.Rest.Problems;
using Esf.Domain.Rules;
using Esf.Domain.Warehouse;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Warehouse;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Esf.Api.Rest.Warehouse;

/// <summary>
/// The ledger of one warehouse: its balances («Остатки товаров», now or as of a moment), its movements, and moving goods to
/// another warehouse of the enterprise (a movement pair).
/// </summary>
public static class WarehouseLedgerEndpoints
{
    private const int MaxMovements = 1000;

    public static RouteGroupBuilder MapWarehouseLedgerEndpoints(this RouteGroupBuilder warehouses)
    {
        warehouses.MapGet("/{id:long}/balances", BalancesAsync).WithName("GetWarehouseBalances")
            .WithSummary("The goods lines holding goods (the journal «Остатки товаров»)")
            .WithDescription("asOf (optional): a day (its start in Kazakhstan time) or an ISO 8601 moment; the quantities are then the sums of " +
                "the movements up to it.")
            .ProducesRestProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        warehouses.MapGet("/{id:long}/balances/{goodsId:long}/invoice-prefill", PrefillAsync).WithName("GetInvoicePrefillFromGoods")
            .WithSummary("The invoice line columns G3/1, G4, G5, G15, G16, G17 the Module fills from a goods line, its price and what is available")
            .ProducesRestProblems(StatusCodes.Status404NotFound);
        warehouses.MapGet("/{id:long}/movements", MovementsAsync).WithName("GetWarehouseMovements")
            .WithSummary("The warehouse's movements, newest first (+ receipt, - write-off)")
            .ProducesRestProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        warehouses.MapPost("/{id:long}/transfers", TransferAsync).WithName("TransferGoods")
            .WithSummary("Move goods to another warehouse of the enterprise")
            .WithDescription("A movement pair in one transaction: TRANSFER_OUT of the goods line, TRANSFER_IN of the same goods at the target. " +
                "422 with the rule's errorCode (VS-01 when the balance does not cover the quantity, VS-02, VS-03, VS-04).")
            .ProducesRestProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
        return warehouses;
    }

    private static async Task<Ok<IReadOnlyList<GoodsBalance>>> BalancesAsync(
        long id, string? asOf, BearerSession bearer, WarehouseBalances balances, CancellationToken ct) =>
        TypedResults.Ok(await balances.ListAsync(bearer.Context, id, RequestDates.Instant(asOf, "asOf"), ct));

    private static async Task<Ok<InvoiceLinePrefill>> PrefillAsync(long id, long goodsId, BearerSession bearer, WarehouseBalances balances, CancellationToken ct) =>
        (await balances.ListAsync(bearer.Context, id, null, ct)).FirstOrDefault(g => g.GoodsId == goodsId) is { } line
            ? TypedResults.Ok(InvoiceLinePrefill.From(line.GoodsId, WarehouseBalances.ToGoodsLine(line), line.Quantity))
            : throw EsfException.NotFound($"No goods line {goodsId} holds goods in warehouse {id}.");

    private static async Task<Ok<IReadOnlyList<MovementRecord>>> MovementsAsync(
        long id, int? limit, BearerSession bearer, WarehouseBalances balances, CancellationToken ct) =>
        limit is < 1 or > MaxMovements
            ? throw EsfException.InvalidInput($"limit must be between 1 and {MaxMovements}.")
            : TypedResults.Ok(await balances.MovementsAsync(bearer.Context, id, limit ?? MaxMovements, ct));

    private static async Task<NoContent> TransferAsync(long id, TransferBody body, BearerSession bearer, WarehouseTransfers transfers, CancellationToken ct)
    {
        RequiredFields.Check(("goodsId", body.GoodsId), ("toWarehouseId", body.ToWarehouseId), ("quantity", body.Quantity));
        return await transfers.TransferAsync(bearer.Context, id, body.GoodsId!.Value, body.ToWarehouseId!.Value, body.Quantity!.Value, ct) is { } violation
            ? throw Refused(violation)
            : TypedResults.NoContent();
    }

    /// <summary>A broken warehouse rule as a 422 problem: its errorCode, and its id with the Russian message as the detail.</summary>
    internal static EsfException Refused(RuleViolation violation) => EsfException.Business($"{violation.RuleId}: {violation.Message}", violation.ErrorCode);
}
