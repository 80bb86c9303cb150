using Esf.Domain.Procurement;

namespace Esf.Api.Rest.Procurement;

/// <summary>
/// An act or contract as the procurement portal posts it. <c>status</c>: for an act <c>APPROVED</c> («Утвержден») or
/// <c>ACCEPTANCE_REFUSED</c> («Отказано в принятии»); for a contract <c>ACTIVE</c> («Действует») or <c>NOT_ACTIVE</c>.
/// </summary>
public sealed record ProcurementDocumentBody(
    string? Number, DateOnly? Date, string? ContractNumber, DateOnly? ContractDate, string? SupplierTin, string? CustomerTin, string? Status,
    IReadOnlyList<ProcurementItem>? Items);

/// <summary>The stored document's id.</summary>
public sealed record ProcurementReceipt(long Id);

/// <summary>
/// What an invoice on an act or contract is pre-filled with: the parties, the contract (deliveryTerm), the act as the document
/// confirming delivery (32.1, <c>deliveryDocNum</c>/<c>deliveryDocDate</c>) and the lines; <c>lockedFields</c> names what the
/// invoice may not change (rule EGZ-02 for an act).
/// </summary>
public sealed record InvoicePrefillView(
    string SellerTin, string CustomerTin, string ContractNum, DateOnly ContractDate, string? DeliveryDocNum, DateOnly? DeliveryDocDate,
    IReadOnlyList<ProcurementItem> Products, IReadOnlyList<string> LockedFields);
