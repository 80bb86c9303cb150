namespace Esf.Infrastructure.Enterprises;

/// <summary>A structural unit (филиал) of the session's head office: active, or deregistered (e.g. «Ликвидация») with its delegations.</summary>
public sealed record Branch(
    string Tin, string Name, DateOnly? DeregisteredOn, string? DeregistrationReason, bool Liquidated, IReadOnlyList<BranchDelegation> Delegations);
