using Esf.Domain.Warehouse;

namespace Esf.Infrastructure.Warehouse;

/// <summary>A checked upload of a warehouse form: its type, number and date, the recipient («Реорганизация» only) and its lines.</summary>
public sealed record WarehouseFormDraft(WarehouseFormKind Kind, string Number, DateOnly Date, string? RecipientTin, IReadOnlyList<FormLine> Lines)
{
    /// <summary>«Общая сумма»: the value of a receipt form's lines; a form naming goods lines only has none until it is processed.</summary>
    public decimal? Total => WarehouseNames.IsReceipt(Kind) ? Lines.Sum(l => l.Quantity * l.Goods!.Price) : null;
}
