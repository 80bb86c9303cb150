namespace Esf.Infrastructure.Participants;

/// <summary>A confirmed ЮЛ registration that waits for the enterprise's admin (ADR 0019).</summary>
public sealed record PendingApproval(long Id, string Iin, string FullName, string Email, DateTime RequestedAt);
