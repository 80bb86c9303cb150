namespace Esf.Infrastructure.GovernmentSystems;

/// <summary>One step of a request's life («Просмотр истории»): the statuses, who moved it, the note and when.</summary>
public sealed class IsgoHistoryRow
{
    public string? FromStatus { get; init; }
    public string ToStatus { get; init; } = "";
    public string Actor { get; init; } = "";
    public string? Tin { get; init; }
    public string? Note { get; init; }
    public DateTime ChangedAt { get; init; }
}
