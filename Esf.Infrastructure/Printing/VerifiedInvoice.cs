using Esf.Domain.Invoices;

namespace Esf.Infrastructure.Printing;

/// <summary>What public verification shows of a registered invoice, and nothing more.</summary>
public sealed record VerifiedInvoice(
    string RegistrationNumber, InvoiceStatus Status, string SellerTin, string? CustomerTin, string Date, decimal Total, string Hash);
