namespace Esf.Infrastructure.Procurement;

/// <summary>What the procurement portal posts: an act (акт ЭГЗ) or a contract (договор ЭГЗ).</summary>
public enum ProcurementKind
{
    Act,
    Contract,
}
