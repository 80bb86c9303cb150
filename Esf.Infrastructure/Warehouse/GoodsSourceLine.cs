using Esf.Domain.Warehouse;

namespace Esf.Infrastructure.Warehouse;

/// <summary>One position of a ДТ or a ФНО 328.00: whose import it is, the goods, and how many entered.</summary>
public sealed record GoodsSourceLine(string ImporterTin, GoodsLine Goods, decimal Quantity)
{
    /// <summary>The cause of the receipt it makes: unique per document kind, number and position.</summary>
    public MovementCause Cause => new(WarehouseNames.SourceKinds.Code(Goods.SourceKind), $"{Goods.SourceNumber}#{Goods.SourcePosition}");
}
