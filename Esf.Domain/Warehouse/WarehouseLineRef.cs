namespace Esf.Domain.Warehouse;

/// <summary>
/// An invoice line sold through the virtual warehouse: the line's number in section G (1-based, the form's «№ п/п»), the
/// seller's warehouse and the goods line (партия) of it the goods are drawn from. The invoice body (InvoiceV2) has no field for
/// it, so it travels beside the body in the upload (docs/virtual-warehouse.md).
/// </summary>
public sealed record WarehouseLineRef(int Line, long WarehouseId, long GoodsId);
