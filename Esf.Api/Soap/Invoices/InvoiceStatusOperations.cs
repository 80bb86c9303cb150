using Esf.Api.Soap.Framework;
using Esf.Domain.Invoices;
using Esf.Infrastructure;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Sessions;
using Microsoft.Extensions.Options;

namespace Esf.Api.Soap.Invoices;

/// <summary>
/// InvoiceService's document-flow operations: confirm (all or nothing, a fault on refusal: its response has no error slot),
/// decline, revoke and unrevoke (a changeStatusResult per invoice, isChanged=false with an errorCode on refusal) and delete.
/// </summary>
public sealed class InvoiceStatusOperations(SessionService sessions, InvoiceStatusChanger changer, IOptions<QuotaOptions> quotas)
{
    public static SoapServiceDefinition MapOn(SoapServiceDefinition service) => service
        .Map<InvoiceByIdRequest, InvoiceSummaryResponse>(
            "confirmInvoiceByIdRequest", "confirmInvoiceByIdResponse", (r, c) => c.Get<InvoiceStatusOperations>().ConfirmAsync(r, c))
        .Map<InvoiceByIdWithReasonRequest, TryChangeStatusResponse>(
            "declineInvoiceByIdRequest", "declineInvoiceByIdResponse",
            (r, c) => c.Get<InvoiceStatusOperations>().TryChangeAsync(LifecycleOperation.Decline, r, c))
        .Map<InvoiceByIdWithReasonRequest, TryChangeStatusResponse>(
            "revokeInvoiceByIdRequest", "revokeInvoiceByIdResponse",
            (r, c) => c.Get<InvoiceStatusOperations>().TryChangeAsync(LifecycleOperation.Revoke, r, c))
        .Map<InvoiceByIdWithReasonRequest, TryChangeStatusResponse>(
            "unrevokeInvoiceByIdRequest", "unrevokeInvoiceByIdResponse",
            (r, c) => c.Get<InvoiceStatusOperations>().TryChangeAsync(LifecycleOperation.Unrevoke, r, c))
        .Map<DeleteInvoiceByIdRequest, DeleteInvoiceByIdResponse>(
            "deleteInvoiceByIdRequest", "deleteInvoiceByIdResponse", (r, c) => c.Get<InvoiceStatusOperations>().DeleteAsync(r, c));

    private async Task<InvoiceSummaryResponse> ConfirmAsync(InvoiceByIdRequest request, SoapCall call)
    {
        IdListLimit.Check(request.IdList!.Count, quotas.Value);
        var session = await sessions.RequireAsync(request.SessionId, call.CancellationToken);
        var items = request.IdList!.Select(id => new StatusChangeItem(id, null)).ToList();
        var results = await changer.ChangeAsync(session, LifecycleOperation.Confirm, items, null, atomic: true, call.CancellationToken);
        return new InvoiceSummaryResponse { InvoiceSummaryList = [.. results.Select(r => InvoiceMapping.ToSummary(r.Summary!))] };
    }

    private async Task<TryChangeStatusResponse> TryChangeAsync(LifecycleOperation operation, InvoiceByIdWithReasonRequest request, SoapCall call)
    {
        IdListLimit.Check(request.IdWithReasonList!.Count, quotas.Value);
        var session = await sessions.RequireAsync(request.SessionId, call.CancellationToken);
        var items = request.IdWithReasonList!.Select(i => new StatusChangeItem(i.Id, i.Reason)).ToList();
        var signed = new SignedStatusChange(request.Signature!, request.X509Certificate!);
        var results = await changer.ChangeAsync(session, operation, items, signed, atomic: false, call.CancellationToken);
        return new TryChangeStatusResponse { ResultList = [.. results.Select(InvoiceMapping.ToChangeStatusResult)] };
    }

    private async Task<DeleteInvoiceByIdResponse> DeleteAsync(DeleteInvoiceByIdRequest request, SoapCall call)
    {
        IdListLimit.Check(request.IdList!.Count, quotas.Value);
        var session = await sessions.RequireAsync(request.SessionId, call.CancellationToken);
        var items = request.IdList!.Select(id => new StatusChangeItem(id, null)).ToList();
        var signed = new SignedStatusChange(request.Signature!, request.X509Certificate!);
        var results = await changer.ChangeAsync(session, LifecycleOperation.Delete, items, signed, atomic: false, call.CancellationToken);
        return new DeleteInvoiceByIdResponse { ResultList = [.. results.Select(r => new DeleteResult { InvoiceId = r.InvoiceId, IsDeleted = r.IsChanged })] };
    }
}
