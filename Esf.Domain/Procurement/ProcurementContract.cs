namespace Esf.Domain.Procurement;

/// <summary>
/// A contract of the procurement portal (договор ЭГЗ) as the registration rules read it: the document, its status and the
/// numbers of its approved acts («Утвержден»), which take priority over the contract (spec-rest §3.3).
/// </summary>
public sealed record ProcurementContract(ProcurementDocument Document, ProcurementContractStatus Status, IReadOnlyList<string> ApprovedActs);
