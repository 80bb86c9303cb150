namespace Esf.Infrastructure.Registry;

/// <summary>The outcome of one CSV import: how many records were upserted and every rejected line with its reason.</summary>
public sealed record RegistryImportReport(string Registry, int Imported, IReadOnlyList<RejectedLine> Rejected)
{
    /// <summary>Taxpayers only: the registered invoices the imported deregistrations annulled (CANCELED_BY_OGD, GEN-08).</summary>
    public int AnnulledInvoices { get; init; }
}
