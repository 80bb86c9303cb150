namespace Esf.Infrastructure.Employees;

/// <summary>Who changed what about an employee, and when: ENROLLED, REMOVED, GRANTED, WITHDRAWN, BLOCKED, UNBLOCKED, HEAD_CHANGED.</summary>
public sealed record EmployeeHistoryEntry(long Id, string Iin, string Action, string? Detail, string Actor, DateTime At);
