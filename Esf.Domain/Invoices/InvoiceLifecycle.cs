using Esf.Domain.Lifecycle;

namespace Esf.Domain.Invoices;

/// <summary>
/// Every transition of the 20 statuses. The pipeline (queued → registered or failed) and the document flow
/// after registration (confirm, revoke, unrevoke, decline, delete) both go through <see cref="EnsureCanMove"/>, so an illegal
/// change is never silent. Statuses no operation of this gateway reaches are named in <see cref="Unreachable"/> with the reason.
/// </summary>
public static class InvoiceLifecycle
{
    public static TransitionTable<InvoiceStatus> Table { get; } = new("An invoice", new Dictionary<InvoiceStatus, InvoiceStatus[]>
    {
        // The worker claims the upload, not each invoice, and writes the verdict in the transaction that decides it: a queued
        // invoice goes straight to CREATED or FAILED. IN_PROCESSING is only found on invoices an earlier version took.
        [InvoiceStatus.InQueue] = [InvoiceStatus.Created, InvoiceStatus.Failed],
        [InvoiceStatus.InProcessing] = [InvoiceStatus.Created, InvoiceStatus.Failed],
        // Confirm, revoke, decline; CANCELED when a registered corrected invoice annuls its original (COR-05); CANCELED_BY_OGD when
        // the registry records that the supplier or recipient was deregistered before the turnover date (GEN-08);
        // CANCELED_BY_SNT_DECLINE / _REVOKE when the waybill (СНТ) the invoice was issued on is declined (after 3 working days)
        // or revoked (spec-snt R152–R154; the waybill's scheduled effects, ADR 0026).
        // SEND_TO_ISGO («Заблокирован ИС ЭСФ») while an ИС ГО request holds the invoice (spec-rest §3.8): nothing leaves it but the
        // request, which gives back the status the invoice had before it (GovernmentSystems/IsgoRequestLifecycle).
        [InvoiceStatus.Created] =
        [
            InvoiceStatus.Delivered, InvoiceStatus.Revoked, InvoiceStatus.Declined, InvoiceStatus.Canceled, InvoiceStatus.CanceledByOgd,
            InvoiceStatus.CanceledBySntDecline, InvoiceStatus.CanceledBySntRevoke, InvoiceStatus.SendToIsgo,
        ],
        [InvoiceStatus.Delivered] =
        [
            InvoiceStatus.Revoked, InvoiceStatus.Declined, InvoiceStatus.Canceled, InvoiceStatus.CanceledByOgd,
            InvoiceStatus.CanceledBySntDecline, InvoiceStatus.CanceledBySntRevoke, InvoiceStatus.SendToIsgo,
        ],
        [InvoiceStatus.SendToIsgo] = [InvoiceStatus.Created, InvoiceStatus.Delivered],
        [InvoiceStatus.Revoked] = [InvoiceStatus.Delivered],
        [InvoiceStatus.Failed] = [InvoiceStatus.Deleted],
        // Imported invoices (checked, not sent) are transferred with a signature: queued again for the whole control (issue 14);
        // or deleted by the seller before the transfer, like a failed one (ADR 0035).
        [InvoiceStatus.Imported] = [InvoiceStatus.InQueue, InvoiceStatus.Deleted],
    });

    /// <summary>The statuses an invoice is stored with: IN_QUEUE by an upload, IMPORTED by an import (issue 14).</summary>
    public static IReadOnlySet<InvoiceStatus> Initial { get; } = new HashSet<InvoiceStatus> { InvoiceStatus.InQueue, InvoiceStatus.Imported };

    /// <summary>Statuses of the API that no operation of this gateway produces yet, and why.</summary>
    public static readonly IReadOnlyDictionary<InvoiceStatus, string> Unreachable = new Dictionary<InvoiceStatus, string>
    {
        [InvoiceStatus.InProcessing] = "the worker claims the upload instead (one row, docs/lifecycle.md); invoices wait IN_QUEUE until their verdict",
        [InvoiceStatus.Draft] = "drafts live apart from invoices (/api/v1/drafts, ADR 0028): a draft is never an invoice row, and sending one uploads it",
        [InvoiceStatus.WaitBiometricsVerification] = "needs biometric verification of the signer",
        [InvoiceStatus.FailedBiometricsVerification] = "needs biometric verification of the signer",
        [InvoiceStatus.DeletedBiometricsVerification] = "needs biometric verification of the signer",
        [InvoiceStatus.WaitingCustomerConfirmation] = "this gateway registers invoices without a customer pre-confirmation step",
        [InvoiceStatus.WaitingCustomerRevokeConfirmation] = "a revocation takes effect at once; the customer objects with unrevoke",
    };

    public static bool CanMove(InvoiceStatus from, InvoiceStatus to) => Table.CanMove(from, to);

    public static void EnsureCanMove(InvoiceStatus from, InvoiceStatus to) => Table.EnsureCanMove(from, to);
}
