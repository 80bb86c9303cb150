namespace Esf.Domain.Procurement;

/// <summary>
/// What an act or a contract of the procurement portal transfers into an invoice: the parties (the supplier, the state
/// institution as customer), the contract's number and date, and the lines.
/// </summary>
public sealed record ProcurementDocument(
    string Number, DateOnly Date, string ContractNumber, DateOnly ContractDate, string SupplierTin, string CustomerTin, IReadOnlyList<ProcurementItem> Items);
