using Esf.Infrastructure.Invoices;

namespace Esf.Infrastructure.GovernmentSystems;

/// <summary>What the initiator selects and signs: the invoices, the state body and, when it has subsidies, one of them.</summary>
public sealed record IsgoInitiation(IReadOnlyList<long> InvoiceIds, string StateBodyCode, string? SubsidyCode)
{
    /// <summary>
    /// The signed text, in the document flow's form (StatusChangeSignature): one line per invoice in request order,
    /// <c>id|body</c> or <c>id|body/subsidy</c>, so the signature binds the invoices and where they go.
    /// </summary>
    public IReadOnlyList<StatusChangeItem> SignedItems() =>
        InvoiceIds.Select(id => new StatusChangeItem(id, SubsidyCode is null ? StateBodyCode : $"{StateBodyCode}/{SubsidyCode}")).ToList();
}
