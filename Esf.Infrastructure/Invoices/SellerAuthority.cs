using Dapper;
using Esf.Domain.Invoices;
using Esf.Domain.Rules;
using Esf.Infrastructure.Sessions;
using Npgsql;

namespace Esf.Infrastructure.Invoices;

/// <summary>
/// Who may send an invoice for which seller (security review H2), decided before anything is stored: the session's own
/// enterprise, or — with signatureType OPERATOR — a seller whose power of attorney the session's user holds on the day of the
/// upload (server time). An individual (ФЛ) issues no invoices at all (Rules p.8). Used by the upload and by the dry run, which
/// therefore never judges another enterprise's invoice. One query per upload, whatever its size.
/// </summary>
internal sealed class SellerAuthority
{
    private const string Individual = "INDIVIDUAL";

    private readonly SessionContext session;
    private readonly Dictionary<string, SellerFacts> sellers;

    private SellerAuthority(SessionContext session, Dictionary<string, SellerFacts> sellers) => (this.session, this.sellers) = (session, sellers);

    /// <param name="sellerTins">The first sellers (B 6) of the invoices to judge.</param>
    /// <param name="today">The day of the upload in Kazakhstan time: powers of attorney are valid on it or not at all.</param>
    public static async Task<SellerAuthority> LoadAsync(
        NpgsqlConnection connection, SessionContext session, IEnumerable<string> sellerTins, DateOnly today, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<SellerFacts>(new CommandDefinition("""
            SELECT s.tin AS Tin, coalesce(t.enterprise_type = 'INDIVIDUAL', false) AS IsIndividual,
                   (SELECT p.id FROM powers_of_attorney p
                    WHERE p.principal_tin = s.tin AND p.attorney_iin = @Login AND p.revoked_at IS NULL AND @Today BETWEEN p.valid_from AND p.valid_to
                    ORDER BY p.valid_to DESC, p.id LIMIT 1) AS PowerOfAttorneyId
            FROM unnest(@Tins) AS s(tin) LEFT JOIN taxpayers t ON t.tin = s.tin
            """, new { Tins = sellerTins.Distinct().ToArray(), session.Login, Today = today }, cancellationToken: cancellationToken));
        return new SellerAuthority(session, rows.ToDictionary(r => r.Tin, StringComparer.Ordinal));
    }

    /// <summary>Why this invoice may not be sent from this session (UPL-01, UPL-02); null when it may.</summary>
    public RuleViolation? Refusal(InvoiceDocument document, string signatureType) => Refusal(document.SellerTin, signatureType, "sellers.seller[0].tin");

    /// <summary>Why a document of <paramref name="sellerTin"/> (an invoice or a waybill) may not be sent from this session; null when it may.</summary>
    /// <param name="property">Where the document names its seller, for the violation.</param>
    public RuleViolation? Refusal(string? sellerTin, string signatureType, string property)
    {
        if (sellerTin is not { } seller)
        {
            return null;
        }

        var facts = sellers.GetValueOrDefault(seller);
        if (session.BusinessProfileType == Individual || facts?.IsIndividual == true)
        {
            return RuleCatalogue.IndividualMustNotIssue.Violation(property, seller);
        }

        return seller == session.Tin || PowerOfAttorney(seller, signatureType) is not null
            ? null
            : RuleCatalogue.SellerMustBeSessionEnterprise.Violation(property, $"{seller}, сессия {session.Tin}");
    }

    /// <summary>The power of attorney an invoice of <paramref name="seller"/> is sent under; null when the seller sends its own.</summary>
    public long? PowerOfAttorney(string seller, string signatureType) =>
        seller != session.Tin && signatureType == SignatureCheck.Operator ? sellers.GetValueOrDefault(seller)?.PowerOfAttorneyId : null;

    private sealed record SellerFacts(string Tin, bool IsIndividual, long? PowerOfAttorneyId);
}
