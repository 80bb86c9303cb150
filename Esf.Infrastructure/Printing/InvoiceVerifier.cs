using Dapper;
using Esf.Domain.Invoices;
using Esf.Infrastructure.Search;
using Npgsql;

namespace Esf.Infrastructure.Printing;

/// <summary>
/// Public verification by registration number (the QR code of a printed form): no session, so no tenant predicate — by
/// design it answers only <see cref="VerifiedInvoice"/>'s fields, and only for registered invoices (a number exists only
/// once the control passed). Rate-limited per client address (docs/security.md).
/// </summary>
public sealed class InvoiceVerifier(NpgsqlDataSource database)
{
    public async Task<VerifiedInvoice?> FindAsync(string registrationNumber, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition($"""
            SELECT i.registration_number, i.status, i.seller_tin, i.customer_tin, i.date_text,
                   {BodyXPath.Number("productSet/totalPriceWithTax")} AS total, i.hash
            FROM invoices i WHERE i.registration_number = @Number
            """, new { Number = registrationNumber }, cancellationToken: cancellationToken));
        return row is null
            ? null
            : new VerifiedInvoice(row.RegistrationNumber, InvoiceStatusNames.Parse(row.Status), row.SellerTin, row.CustomerTin, row.DateText, row.Total, row.Hash);
    }

    private sealed class Row
    {
        public string RegistrationNumber { get; init; } = "";
        public string Status { get; init; } = "";
        public string SellerTin { get; init; } = "";
        public string? CustomerTin { get; init; }
        public string DateText { get; init; } = "";
        public decimal Total { get; init; }
        public string Hash { get; init; } = "";
    }
}
