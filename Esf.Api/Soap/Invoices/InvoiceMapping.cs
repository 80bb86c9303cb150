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
        Kogd = invoice.Kogd,
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
