namespace Esf.Infrastructure.Enterprises;

/// <summary>A change the head made to its enterprise: DELEGATION_GRANTED, DELEGATION_ENDED, HEAD_CHANGED.</summary>
public sealed record EnterpriseHistoryEntry(long Id, string Action, string Detail, string Actor, DateTime At);
