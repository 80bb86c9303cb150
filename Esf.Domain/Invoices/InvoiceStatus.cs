namespace Esf.Domain.Invoices;

/// <summary>
/// The 20 invoice statuses of the current ESF API, in the API's order (esf-api-facts §9.1).
/// Statuses this gateway cannot reach yet are listed so that the wire enumeration is complete.
/// </summary>
public enum InvoiceStatus
{
    /// <summary>Accepted by the gateway, waiting for the worker (в очереди).</summary>
    InQueue = 1,
    /// <summary>Taken by a worker; the format-and-logic control is running.</summary>
    InProcessing = 2,
    /// <summary>Registered: passed the control and has a registration number («Не просмотрен»).</summary>
    Created = 3,
    /// <summary>Delivered to and confirmed by the customer («Доставлен»).</summary>
    Delivered = 4,
    /// <summary>Annulled, replaced by a corrected invoice («Аннулирован»).</summary>
    Canceled = 5,
    CanceledByOgd = 6,
    CanceledBySntDecline = 7,
    CanceledBySntRevoke = 8,
    /// <summary>Revoked by the seller («Отозван»).</summary>
    Revoked = 9,
    Imported = 10,
    Draft = 11,
    /// <summary>Failed the control; kept with every error («Ошибочный»).</summary>
    Failed = 12,
    Deleted = 13,
    Declined = 14,
    SendToIsgo = 15,
    WaitBiometricsVerification = 16,
    FailedBiometricsVerification = 17,
    DeletedBiometricsVerification = 18,
    WaitingCustomerConfirmation = 19,
    WaitingCustomerRevokeConfirmation = 20,
}
