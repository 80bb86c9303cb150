namespace Esf.Infrastructure.Warehouse;

/// <summary>The errorCodes of refused warehouse requests (ours: the seeds name none).</summary>
public static class WarehouseErrors
{
    public const string HoldsGoods = "WAREHOUSE_HOLDS_GOODS";

    public const string HasChildren = "WAREHOUSE_HAS_CHILDREN";

    public const string IsDefault = "WAREHOUSE_IS_DEFAULT";
}
