namespace Esf.Api.Rest.Employees;

/// <summary>The term of a delegation: from (required) to (inclusive; omitted: open), dd.MM.yyyy or yyyy-MM-dd (ADR 0006).</summary>
public sealed record DelegationBody(string ValidFrom, string? ValidTo);

/// <summary>The new head of the legal entity: a registered user's ИИН.</summary>
public sealed record ChangeHeadBody(string Iin);
