using Esf.Api.Soap.Framework;
using Esf.Infrastructure.Feed;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Sessions;

namespace Esf.Api.Soap.Invoices;

/// <summary>
/// queryUpdates: the invoices changed after the client's (lastEventDate, lastInvoiceId), from the change feed. lastEventDate is
/// the feed's sequencing instant (strictly increasing, in milliseconds), so a client that repeats with the returned pair until
/// lastBlock sees every change once. With fullInfoOnStatusChange=false, a change that is not a registration carries no body.
/// </summary>
public sealed class QueryUpdatesOperation(SessionService sessions, FeedReader feed, InvoiceQueries queries)
{
    public const int DefaultLimit = 100;

    public static SoapServiceDefinition MapOn(SoapServiceDefinition service) => service
        .Map<QueryUpdatesRequest, QueryUpdatesResponse>(
            "queryUpdatesRequest", "queryUpdatesResponse", (r, c) => c.Get<QueryUpdatesOperation>().QueryAsync(r, c));

    private async Task<QueryUpdatesResponse> QueryAsync(QueryUpdatesRequest request, SoapCall call)
    {
        var session = await sessions.RequireAsync(request.SessionId, call.CancellationToken);
        var since = XsDateTime.Parse(request.LastEventDate!, "lastEventDate");
        var limit = Math.Clamp(request.Limit ?? DefaultLimit, 1, FeedReader.MaxLimit);
        var changed = await feed.ReadChangedInvoicesAsync(
            session, since, request.LastInvoiceId ?? 0, limit, DirectionFilter.Parse(request.Direction!), call.CancellationToken);
        var page = changed.Take(limit).ToList();
        var invoices = (await queries.GetByIdsAsync(session, [.. page.Select(c => c.InvoiceId).Distinct()], call.CancellationToken))
            .ToDictionary(i => i.InvoiceId);
        var infos = page.Where(c => invoices.ContainsKey(c.InvoiceId)).Select(c =>
        {
            var info = InvoiceMapping.ToInvoiceInfo(invoices[c.InvoiceId]);
            info.InvoiceBody = c.IsNew || request.FullInfoOnStatusChange ? info.InvoiceBody : "";
            return info;
        }).ToList();
        return new QueryUpdatesResponse
        {
            LastEventDate = InvoiceMapping.ToXsDateTime(page.Count > 0 ? page[^1].FeedAt : since),
            LastInvoiceId = page.Count > 0 ? page[^1].InvoiceId : request.LastInvoiceId ?? 0,
            LastInvoiceIdSpecified = page.Count > 0 || request.LastInvoiceId is not null,
            LastBlock = changed.Count <= limit,
            InvoiceInfoList = infos,
        };
    }
}
