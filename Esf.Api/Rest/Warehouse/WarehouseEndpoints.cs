using Esf.Api.Rest.Auth;
using Esf.Api.Rest.Problems;
using Esf.Domain.Warehouse;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Warehouse;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Esf.Api.Rest.Warehouse;

/// <summary>
/// /api/v1/warehouses: the session's enterprise's virtual warehouses (menu «Склады», docs/virtual-warehouse.md). Another
/// enterprise's warehouse answers 404 like a missing one.
/// </summary>
public static class WarehouseEndpoints
{
    public static RouteGroupBuilder MapWarehouseEndpoints(this RouteGroupBuilder api)
    {
        var warehouses = api.MapGroup("/warehouses").WithTags("Virtual warehouse");
        warehouses.MapPost("/", CreateAsync).WithName("CreateWarehouse").WithSummary("Create a warehouse (the first one becomes the default)")
            .ProducesRestProblems(StatusCodes.Status400BadRequest);
        warehouses.MapGet("/", ListAsync).WithName("ListWarehouses").WithSummary("The enterprise's warehouses");
        warehouses.MapGet("/{id:long}", GetAsync).WithName("GetWarehouse").WithSummary("One warehouse")
            .ProducesRestProblems(StatusCodes.Status404NotFound);
        warehouses.MapPut("/{id:long}", UpdateAsync).WithName("UpdateWarehouse").WithSummary("Edit a warehouse")
            .ProducesRestProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        warehouses.MapPost("/{id:long}/default", MakeDefaultAsync).WithName("MakeDefaultWarehouse")
            .WithSummary("Make the warehouse the enterprise's default (the previous default stops being it in the same transaction)")
            .ProducesRestProblems(StatusCodes.Status404NotFound);
        warehouses.MapDelete("/{id:long}", DeleteAsync).WithName("DeleteWarehouse").WithSummary("Delete an empty warehouse")
            .WithDescription("409 WAREHOUSE_HOLDS_GOODS while it holds goods, WAREHOUSE_HAS_CHILDREN while it has child warehouses, " +
                "TAXPAYER_STORE_IS_DEFAULT while it is the default and others remain.")
            .ProducesRestProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        warehouses.MapWarehouseLedgerEndpoints();
        api.MapShortfallEndpoints();
        return api;
    }

    private static async Task<Created<WarehouseView>> CreateAsync(WarehouseBody body, BearerSession bearer, WarehouseStore store, CancellationToken ct)
    {
        var created = await store.CreateAsync(bearer.Context, Draft(body), ct);
        return TypedResults.Created($"{RestEndpointExtensions.RoutePrefix}/warehouses/{created.WarehouseId}", WarehouseView.From(created));
    }

    private static async Task<Ok<IReadOnlyList<WarehouseView>>> ListAsync(BearerSession bearer, WarehouseStore store, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<WarehouseView>>([.. (await store.ListAsync(bearer.Context, ct)).Select(WarehouseView.From)]);

    private static async Task<Ok<WarehouseView>> GetAsync(long id, BearerSession bearer, WarehouseStore store, CancellationToken ct) =>
        TypedResults.Ok(WarehouseView.From(await store.GetAsync(bearer.Context, id, ct)));

    private static async Task<Ok<WarehouseView>> UpdateAsync(long id, WarehouseBody body, BearerSession bearer, WarehouseStore store, CancellationToken ct) =>
        TypedResults.Ok(WarehouseView.From(await store.UpdateAsync(bearer.Context, id, Draft(body), ct)));

    private static async Task<Ok<WarehouseView>> MakeDefaultAsync(long id, BearerSession bearer, WarehouseStore store, CancellationToken ct) =>
        TypedResults.Ok(WarehouseView.From(await store.MakeDefaultAsync(bearer.Context, id, ct)));

    private static async Task<NoContent> DeleteAsync(long id, BearerSession bearer, WarehouseStore store, CancellationToken ct)
    {
        await store.DeleteAsync(bearer.Context, id, ct);
        return TypedResults.NoContent();
    }

    private static WarehouseDraft Draft(WarehouseBody body)
    {
        RequiredFields.Check(("name", body.Name?.Trim()), ("location", body.Location?.Trim()), ("type", body.Type), ("responsibleTin", body.ResponsibleTin));
        if (!WarehouseNames.Kinds.TryParse(body.Type, out var kind))
        {
            throw EsfException.InvalidInput($"type «{body.Type}» is not a warehouse type ({string.Join(", ", WarehouseNames.Kinds.Codes)}).");
        }

        if (body.ResponsibleTin is not { Length: 12 } tin || !tin.All(char.IsAsciiDigit))
        {
            throw EsfException.InvalidInput("responsibleTin must be the 12-digit ИИН/БИН of the person responsible for the warehouse.");
        }

        return new WarehouseDraft(body.Name!.Trim(), body.ParentId, body.Location!.Trim(), kind, tin, body.Inheritable);
    }
}
