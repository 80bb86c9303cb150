using System.Globalization;
using Esf.Api.Soap.Contracts;
using Esf.Domain.Invoices;
using Esf.Infrastructure;
using Esf.Infrastructure.Invoices;

namespace Esf.Api.Soap.Invoices;

/// <summary>From stored invoices, errors and history to the InvoiceService wire contracts.</summary>
public static class InvoiceMapping
{
    private static readonly HashSet<string> WireClientTypes = ["WEB", "API", "API_VS"];

    /// <summary>
    /// xs:dateTime with milliseconds and the offset ("с временной зоной"), in Kazakhstan time like the real service:
    /// e.g. 2026-03-01T10:15:00.000+05:00.
    /// </summary>
    public static string ToXsDateTime(DateTimeOffset value) =>
        KazakhstanTime.Of(value).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    public static InvoiceInfo ToInvoiceInfo(InvoiceRecord invoice) => new()
    {
        InvoiceBody = invoice.Body,
        InvoiceId = invoice.InvoiceId,
        RegistrationNumber = invoice.RegistrationNumber,
        InputDate = ToXsDateTime(invoice.InputDate),
        DeliveryDate = invoice.DeliveryDate is { } delivered ? ToXsDateTime(delivered) : null,
        LastUpdateDate = ToXsDateTime(invoice.LastUpdateDate),
        // Required on the wire; "not checked yet" (queued invoices) reads as not valid.
        SignatureValid = invoice.SignatureValid ?? false,
        InvoiceStatus = invoice.Status.ToWire(),
        CancelReason = invoice.CancelReason,
        Version = invoice.Version,
        Hash = invoice.Hash,
        Signature = invoice.Signature,
        SignatureType = invoice.SignatureType,
        Certificate = invoice.Certificate,
        Deadline = InvoiceDeadline.Of(invoice) is { } deadline ? ToDeadline(invoice, deadline) : null,
        Kogd = invoice.Kogd,
    };

    /// <summary>The customer is the one who must act before the deadline.</summary>
    public static DeadlineContract ToDeadline(InvoiceRecord invoice, InvoiceDeadline deadline) => new()
    {
        DateInput = ToXsDateTime(invoice.InputDate),
        DeadlineDate = ToXsDateTime(deadline.LastMoment),
        DocumentId = invoice.InvoiceId,
        RegistrationNumber = invoice.RegistrationNumber,
        Tin = invoice.CustomerTin,
        Type = deadline.Type,
    };

    public static InvoiceSummary ToSummary(InvoiceSummaryRecord summary) => new()
    {
        InvoiceId = summary.InvoiceId,
        Date = summary.Date,
        InvoiceStatus = summary.Status.ToWire(),
        Num = summary.Num,
        CancelReason = summary.CancelReason,
        RegistrationNumber = summary.RegistrationNumber,
        LastUpdateDate = ToXsDateTime(summary.LastUpdateDate),
    };

    /// <summary>An id the session cannot see has no summary but its id.</summary>
    public static ChangeStatusResult ToChangeStatusResult(StatusChangeResult result) => new()
    {
        InvoiceSummary = result.Summary is { } summary ? ToSummary(summary) : new InvoiceSummary { InvoiceId = result.InvoiceId },
        IsChanged = result.IsChanged,
        ErrorCode = result.ErrorCode,
    };

    public static InvoiceErrorContract ToInvoiceError(InvoiceErrors errors) =>
        new() { InvoiceId = errors.InvoiceId, Errors = ErrorContract.ListOrNull(errors.Errors) };

    public static EsfHistoryContract ToHistory(StatusHistoryRecord record) => new()
    {
        InvoiceId = record.InvoiceId,
        Status = record.Status.ToWire(),
        DateTime = ToXsDateTime(record.DateTime),
        UserId = record.UserId,
        Tin = record.Tin,
        StatusDescription = record.Reason,
        // The enumeration knows only WEB/API/API_VS; any other channel of this gateway is an API client.
        ClientType = WireClientTypes.Contains(record.ClientType) ? record.ClientType : "API",
    };
}
