namespace Esf.Infrastructure.Warehouse;

/// <summary>The errorCodes of refused warehouse requests: the real API's where its WSDL has one, ours otherwise.</summary>
public static class WarehouseErrors
{
    public const string HoldsGoods = "WAREHOUSE_HOLDS_GOODS";

    public const string HasChildren = "WAREHOUSE_HAS_CHILDREN";

    public const string IsDefault = "TAXPAYER_STORE_IS_DEFAULT";
}
