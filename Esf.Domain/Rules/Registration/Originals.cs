using Esf.Domain.Invoices.Document;
using Esf.Domain.Rules.Document;

namespace Esf.Domain.Rules.Registration;

/// <summary>
/// Whose invoice a corrected or additional invoice refers to, decided here and nowhere else (the rules, the worker's annulment
/// and the registry loader all ask this class). It is the seller's own invoice (field 6), unless field 6.1 names a person the
/// registry lets the seller act for: a reorganized person it succeeded (<c>taxpayer_successors</c>), or a liquidated branch
/// with a delegation to it in force on the issue date (<c>branch_delegations</c>). Any other 6.1 is ignored here (REO-01
/// reports it), so no invoice reaches another enterprise's originals by naming it.
/// </summary>
public static class Originals
{
    /// <summary>The seller's field 6.1 (реорганизованное лицо / ликвидированный филиал), or null when absent or blank.</summary>
    public static string? PredecessorOf(Seller seller) => seller.ReorganizedTin.IsBlank() ? null : seller.ReorganizedTin;

    /// <summary>The registry lets <paramref name="sellerTin"/> issue for <paramref name="predecessorTin"/>.</summary>
    public static bool MayActFor(string predecessorTin, string sellerTin, DateOnly? issued, IRegistryView registry) =>
        registry.IsSuccessor(predecessorTin, sellerTin) || (issued is { } date && registry.HasDelegation(predecessorTin, sellerTin, date));

    /// <summary>The seller of the original: 6.1 when the registry vouches for it, otherwise 6; null without a seller.</summary>
    public static string? SellerOf(InvoiceBody body, IRegistryView registry) =>
        body.Sellers.FirstOrDefault() is not { } seller ? null
        : PredecessorOf(seller) is { } predecessor && seller.Tin is { } tin && MayActFor(predecessor, tin, BodyFacts.ParseDate(body.Date), registry)
            ? predecessor
            : seller.Tin;

    /// <summary>The registered original the body refers to, among the invoices of <see cref="SellerOf"/> only; null when none.</summary>
    public static OriginalInvoice? Of(InvoiceBody body, IRegistryView registry) =>
        body.RelatedInvoice is { } link ? registry.Original(link, SellerOf(body, registry)) : null;

    /// <summary>The sellers whose originals a body may refer to (6, and a non-blank 6.1): what a registry loader needs to read.</summary>
    public static IEnumerable<string> CandidateSellers(InvoiceBody body) =>
        body.Sellers.FirstOrDefault() is { } seller ? new[] { seller.Tin, PredecessorOf(seller) }.OfType<string>() : [];
}
