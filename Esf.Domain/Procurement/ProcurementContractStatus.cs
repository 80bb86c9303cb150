namespace Esf.Domain.Procurement;

/// <summary>The status of a public procurement contract (договор ЭГЗ) as the portal sends it.</summary>
public enum ProcurementContractStatus
{
    /// <summary>«Действует»: in force; the only status an invoice may be issued on (spec-rest §3.3).</summary>
    Active = 1,
    /// <summary>Any other status of the portal (ended, terminated): no invoice on it.</summary>
    NotActive = 2,
}
