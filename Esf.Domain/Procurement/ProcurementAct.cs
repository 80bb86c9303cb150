namespace Esf.Domain.Procurement;

/// <summary>An act of the procurement portal (акт ЭГЗ) with its status, as the registration rules read it.</summary>
public sealed record ProcurementAct(ProcurementDocument Document, ProcurementActStatus Status);
