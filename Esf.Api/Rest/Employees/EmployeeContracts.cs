namespace Esf.Api.Rest.Employees;

/// <summary>The term of a right: from (required, not before today) to (inclusive; omitted: open), dd.MM.yyyy or yyyy-MM-dd (ADR 0006).</summary>
public sealed record GrantRightBody(string ValidFrom, string? ValidTo);

/// <summary>What the session's own person may do in its enterprise today.</summary>
/// <param name="Restricted">False for a head, who holds every right without terms.</param>
public sealed record OwnRights(string Iin, string Tin, string BusinessProfileType, bool Restricted, IReadOnlyList<string> Rights);
