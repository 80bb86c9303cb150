namespace Esf.Infrastructure.Employees;

/// <summary>One right of an employee with its term (inclusive days; no end when <see cref="ValidTo"/> is null) and whether it is in force today.</summary>
public sealed record EmployeeRightGrant(string Right, DateOnly ValidFrom, DateOnly? ValidTo, string? GrantedBy, bool InForce);
