namespace Esf.Domain.Employees;

/// <summary>One right with its term («с указанием срока действия таких прав», Rules p.11): inclusive days, open when <see cref="ValidTo"/> is null.</summary>
public sealed record RightTerm(EmployeeRight Right, DateOnly ValidFrom, DateOnly? ValidTo)
{
    public bool HoldsOn(DateOnly day) => ValidFrom <= day && (ValidTo is not { } to || day <= to);
}
