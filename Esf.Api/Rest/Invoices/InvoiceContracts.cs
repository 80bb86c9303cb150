using Esf.Domain.Invoices;
using Esf.Domain.Rules;
using Esf.Domain.Rules.Document;
using Esf.Infrastructure.Invoices;

namespace Esf.Api.Rest.Invoices;

/// <summary>
/// A stored invoice with everything the real API's InvoiceInfo carries; errors are filled for a FAILED invoice, and
/// <see cref="DuplicateOf"/> for one refused as a duplicate number and date (A-02, a field the real API does not have). Every date
/// is ISO (ADR 0006): <see cref="Date"/> is the body's dd.MM.yyyy issue date, which stays day-first only inside the body.
/// </summary>
public sealed record InvoiceView(
    long Id,
    string Status,
    string? RegistrationNumber,
    string Num,
    DateOnly? Date,
    DateOnly? TurnoverDate,
    string InvoiceType,
    string SellerTin,
    string? CustomerTin,
    string Body,
    string Version,
    string Signature,
    string SignatureType,
    bool? SignatureValid,
    string Certificate,
    string Hash,
    DateTimeOffset InputDate,
    DateTimeOffset? DeliveryDate,
    DateTimeOffset LastUpdateDate,
    string? CancelReason,
    string? Kogd,
    IReadOnlyList<RuleViolation> Errors,
    DuplicateOriginal? DuplicateOf)
{
    public static InvoiceView From(VisibleInvoice invoice) => From(invoice.Record, invoice.Errors, invoice.DuplicateOf);

    public static InvoiceView From(InvoiceRecord r, IReadOnlyList<RuleViolation> errors, DuplicateOriginal? duplicateOf = null) => new(
        r.InvoiceId, r.Status.ToWire(), r.RegistrationNumber, r.Num, BodyFacts.ParseDate(r.DateText), r.TurnoverDate, r.InvoiceType, r.SellerTin,
        r.CustomerTin, r.Body, r.Version, r.Signature, r.SignatureType, r.SignatureValid, r.Certificate, r.Hash, r.InputDate,
        r.DeliveryDate, r.LastUpdateDate, r.CancelReason, r.Kogd, errors, duplicateOf);
}

/// <summary>
/// What a client polls after an upload: cheap, without the body. <see cref="DuplicateOf"/> names the registered original of an
/// invoice refused as a duplicate, so a client that lost its first answer finds the registration number.
/// </summary>
public sealed record InvoiceStatusView(
    long Id, string Status, string? RegistrationNumber, DateTimeOffset LastUpdateDate, IReadOnlyList<RuleViolation> Errors,
    DuplicateOriginal? DuplicateOf)
{
    public static InvoiceStatusView From(VisibleInvoice invoice) => new(invoice.Record.InvoiceId, invoice.Record.Status.ToWire(),
        invoice.Record.RegistrationNumber, invoice.Record.LastUpdateDate, invoice.Errors, invoice.DuplicateOf);
}

/// <summary>One status change: from where to where, when, by whom and why.</summary>
public sealed record InvoiceHistoryEntry(
    long InvoiceId,
    string? FromStatus,
    string Status,
    DateTimeOffset DateTime,
    string UserId,
    string? Tin,
    string? Reason,
    string ClientType)
{
    public static InvoiceHistoryEntry From(StatusHistoryRecord r) =>
        new(r.InvoiceId, r.FromStatus?.ToWire(), r.Status.ToWire(), r.DateTime, r.UserId, r.Tin, r.Reason, r.ClientType);
}
