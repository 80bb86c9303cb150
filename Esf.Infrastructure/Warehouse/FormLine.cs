using Esf.Domain.Warehouse;

namespace Esf.Infrastructure.Warehouse;

/// <summary>
/// One line of a warehouse form, as stored: a receipt form («Остатки», «Производство») names the goods and the warehouse
/// that takes them; a write-off or «Реорганизация» names a goods line the sender holds.
/// </summary>
public sealed record FormLine(long? WarehouseId, GoodsLine? Goods, long? GoodsId, decimal Quantity);
