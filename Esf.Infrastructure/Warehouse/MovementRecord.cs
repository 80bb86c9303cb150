namespace Esf.Infrastructure.Warehouse;

/// <summary>One immutable movement line of the ledger: + receipt, - write-off, and what caused it.</summary>
public sealed record MovementRecord(
    long MovementId, long GoodsId, long WarehouseId, decimal Quantity, string Kind, string CauseKind, string CauseRef, DateTime OccurredAt);
