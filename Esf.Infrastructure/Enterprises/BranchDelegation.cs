namespace Esf.Infrastructure.Enterprises;

/// <summary>
/// «Полномочие по выписке ЭСФ за ликвидированный филиал»: <see cref="DelegateTin"/> issues additional and corrected invoices for the
/// liquidated branch from/to (inclusive; open without an end). <see cref="GrantedBy"/> is null for an imported one.
/// </summary>
public sealed record BranchDelegation(string DelegateTin, DateOnly ValidFrom, DateOnly? ValidTo, string? GrantedBy);
