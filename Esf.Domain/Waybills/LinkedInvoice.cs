using Esf.Domain.Invoices;

namespace Esf.Domain.Waybills;

/// <summary>A registered invoice issued on a waybill (its 32.1 names the waybill): what R004 and R007 compare.</summary>
public sealed record LinkedInvoice(string RegistrationNumber, string Num, DateOnly Date, InvoiceType Type, InvoiceStatus Status)
{
    /// <summary>In force: «Не просмотрен», «Доставлен» or blocked for ИС ГО; annulled, revoked, declined and failed ones free the waybill.</summary>
    public bool IsActive => Status is InvoiceStatus.Created or InvoiceStatus.Delivered or InvoiceStatus.SendToIsgo;
}
