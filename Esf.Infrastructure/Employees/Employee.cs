namespace Esf.Infrastructure.Employees;

/// <summary>A person working for the session's enterprise (уполномоченное физическое лицо) and the rights the head gave it.</summary>
/// <param name="EnrolledBy">The head who added the person over the API; null when the registry, a sandbox world or an approved registration did.</param>
public sealed record Employee(
    string Iin, string? FirstName, string? LastName, string BusinessProfileType, bool Blocked, DateTime? BlockedAt, string? EnrolledBy,
    IReadOnlyList<EmployeeRightGrant> Rights);
