namespace Esf.Infrastructure.Warehouse;

/// <summary>A position of the global catalogue ГС ВС: its code, Russian name and, where known, its ТН ВЭД code.</summary>
public sealed record GsvsEntry(string Code, string NameRu, string? TnvedCode);
