namespace Esf.Domain.Procurement;

/// <summary>The status of an act of the public procurement portal (акт ЭГЗ) as the portal sends it.</summary>
public enum ProcurementActStatus
{
    /// <summary>«Утвержден»: approved; an invoice may be issued on it.</summary>
    Approved = 1,
    /// <summary>«Отказано в принятии»: refused; no invoice on it (spec-rest §3.2).</summary>
    AcceptanceRefused = 2,
}
