namespace Esf.Infrastructure.Warehouse;

/// <summary>
/// A row of the journal «Журнал Форм»: number, date, type, sender and recipient, total, status (QUEUED, PROCESSED «Обработанный»,
/// ERROR «Ошибочный») and the reason of an error with the real API's errorCode of the rule broken.
/// </summary>
public sealed record WarehouseFormRecord(
    long FormId, string Tin, string Kind, string Number, DateOnly FormDate, string? RecipientTin, decimal? Total, string Status, string? ErrorReason,
    DateTime CreatedAt, DateTime? ProcessedAt, string? ErrorCode);
