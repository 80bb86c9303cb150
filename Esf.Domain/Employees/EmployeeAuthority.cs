namespace Esf.Domain.Employees;

/// <summary>
/// What the person behind a session may do in its enterprise today. A head (the head of an entity, an entrepreneur, a person in
/// private practice) may do everything; an employee only what its rights in force on that day allow. Computed once per request,
/// with the session, so checking a right costs nothing per document.
/// </summary>
public sealed class EmployeeAuthority
{
    private readonly IReadOnlySet<EmployeeRight>? held;

    private EmployeeAuthority(IReadOnlySet<EmployeeRight>? held) => this.held = held;

    /// <summary>A head's authority: every right, without terms.</summary>
    public static EmployeeAuthority Head { get; } = new(null);

    /// <summary>An employee's authority on <paramref name="today"/>: the rights whose term covers that day.</summary>
    public static EmployeeAuthority Employee(IEnumerable<RightTerm> terms, DateOnly today) =>
        new(terms.Where(t => t.HoldsOn(today)).Select(t => t.Right).ToHashSet());

    public bool IsRestricted => held is not null;

    public bool Holds(EmployeeRight right) => held is null || held.Contains(right);

    /// <summary>The rights in force, in catalogue order.</summary>
    public IReadOnlyList<EmployeeRight> Rights => EmployeeRights.All.Where(Holds).ToList();
}
