using Esf.Api.Soap.Framework;
using Esf.Domain.Invoices;
using Esf.Infrastructure;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Sessions;
using Microsoft.Extensions.Options;

namespace Esf.Api.Soap.Invoices;

/// <summary>InvoiceService: the by-id queries; the document-flow operations live in <see cref="InvoiceStatusOperations"/>.</summary>
public sealed class InvoiceOperations(
    SessionService sessions, InvoiceQueries queries, IOptionsMonitor<SoapOptions> options, IOptions<QuotaOptions> quotas)
{
    /// <summary>The real InvoiceService writes the "esf" namespace with prefix esf (esf-api-facts §1).</summary>
    public static SoapServiceDefinition Define() => InvoiceSearchOperations.MapOn(
        QueryUpdatesOperation.MapOn(InvoiceStatusOperations.MapOn(new SoapServiceDefinition("InvoiceService", "esf"))))
        .Map<InvoiceByIdRequest, QueryInvoiceResponse>(
            "queryInvoiceByIdRequest", "queryInvoiceByIdResponse", (r, c) => c.Get<InvoiceOperations>().QueryByIdAsync(r, c))
        .Map<InvoiceByIdRequest, InvoiceErrorByIdResponse>(
            "queryInvoiceErrorByIdRequest", "queryInvoiceErrorByIdResponse", (r, c) => c.Get<InvoiceOperations>().QueryErrorsAsync(r, c))
        .Map<InvoiceByIdRequest, InvoiceHistoryByIdResponse>(
            "queryInvoiceHistoryByIdRequest", "queryInvoiceHistoryByIdResponse", (r, c) => c.Get<InvoiceOperations>().QueryHistoryAsync(r, c))
        .MapEnterpriseValidation();

    /// <summary>Clients generated from the 2020 WSDL cannot read the statuses of invoices awaiting their verdict.</summary>
    private bool LegacyStatuses => options.CurrentValue.LegacyStatusCompatibility;

    private async Task<QueryInvoiceResponse> QueryByIdAsync(InvoiceByIdRequest request, SoapCall call)
    {
        IdListLimit.Check(request.IdList!.Count, quotas.Value);
        var session = await sessions.RequireAsync(request.SessionId, call.CancellationToken);
        var invoices = await queries.GetByIdsAsync(session, request.IdList!, call.CancellationToken);
        var visible = invoices.Where(i => !(LegacyStatuses && i.Status.IsAwaitingVerdict())).Select(InvoiceMapping.ToInvoiceInfo).ToList();
        // Not paged: everything asked for is in this one block. currPage 0 is what the live service answers for an unpaged query.
        return new QueryInvoiceResponse { LastBlock = true, CurrPage = 0, RsCount = visible.Count, InvoiceInfoList = visible };
    }

    private async Task<InvoiceErrorByIdResponse> QueryErrorsAsync(InvoiceByIdRequest request, SoapCall call)
    {
        IdListLimit.Check(request.IdList!.Count, quotas.Value);
        var session = await sessions.RequireAsync(request.SessionId, call.CancellationToken);
        var errors = await queries.GetErrorsAsync(session, request.IdList!, call.CancellationToken);
        DuplicateOfHeader.Write(call, await queries.GetDuplicateOriginalsAsync(session, request.IdList!, call.CancellationToken));
        return new InvoiceErrorByIdResponse { InvoiceErrorList = [.. errors.Select(InvoiceMapping.ToInvoiceError)] };
    }

    private async Task<InvoiceHistoryByIdResponse> QueryHistoryAsync(InvoiceByIdRequest request, SoapCall call)
    {
        IdListLimit.Check(request.IdList!.Count, quotas.Value);
        var session = await sessions.RequireAsync(request.SessionId, call.CancellationToken);
        var history = await queries.GetHistoryAsync(session, request.IdList!, call.CancellationToken);
        return new InvoiceHistoryByIdResponse
        {
            ResultList = [.. history.Where(h => !(LegacyStatuses && h.Status.IsAwaitingVerdict())).Select(InvoiceMapping.ToHistory)],
        };
    }
}
