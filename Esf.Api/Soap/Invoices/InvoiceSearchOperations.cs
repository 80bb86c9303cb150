using Esf.Api.Soap.Framework;
using Esf.Domain.Invoices;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Feed;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Search;
using Esf.Infrastructure.Sessions;

namespace Esf.Api.Soap.Invoices;

/// <summary>
/// InvoiceService's searches: queryInvoice (criteria, at most one quarter, pages of <see cref="PageSize"/> numbered from 1;
/// pageNum 0 or absent is the first page), queryInvoiceByKey and the summary twins by id and by key.
/// </summary>
public sealed class InvoiceSearchOperations(
    SessionService sessions, InvoiceSearch search, InvoiceQueries queries, Microsoft.Extensions.Options.IOptionsMonitor<SoapOptions> options)
{
    /// <summary>The real page size is not public (esf-api-facts §16); this gateway's is fixed.</summary>
    public const int PageSize = 100;

    public static SoapServiceDefinition MapOn(SoapServiceDefinition service) => service
        .Map<QueryInvoiceRequest, QueryInvoiceResponse>(
            "queryInvoiceRequest", "queryInvoiceResponse", (r, c) => c.Get<InvoiceSearchOperations>().QueryAsync(r, c))
        .Map<InvoiceByKeyRequest, QueryInvoiceResponse>(
            "queryInvoiceByKeyRequest", "queryInvoiceByKeyResponse", async (r, c) =>
            {
                var found = await c.Get<InvoiceSearchOperations>().ByKeyAsync(r, c);
                return new QueryInvoiceResponse { LastBlock = true, CurrPage = 0, RsCount = found.Count, InvoiceInfoList = [.. found.Select(InvoiceMapping.ToInvoiceInfo)] };
            })
        .Map<InvoiceByKeyRequest, InvoiceSummaryResponse>(
            "queryInvoiceSummaryByKeyRequest", "queryInvoiceSummaryByKeyResponse", async (r, c) =>
                Summaries(await c.Get<InvoiceSearchOperations>().ByKeyAsync(r, c)))
        .Map<InvoiceByIdRequest, InvoiceSummaryResponse>(
            "queryInvoiceSummaryByIdRequest", "queryInvoiceSummaryByIdResponse", (r, c) => c.Get<InvoiceSearchOperations>().SummaryByIdAsync(r, c));

    private async Task<QueryInvoiceResponse> QueryAsync(QueryInvoiceRequest request, SoapCall call)
    {
        var session = await sessions.RequireAsync(request.SessionId, call.CancellationToken);
        var criteria = request.Criteria!;
        var filter = new InvoiceFilter
        {
            Direction = DirectionFilter.Parse(Required(criteria.Direction, "direction")),
            ContragentTin = NullIfEmpty(criteria.ContragentTin),
            DateFrom = XsDateTime.Day(Required(criteria.DateFrom, "dateFrom"), "dateFrom"),
            DateTo = XsDateTime.Day(Required(criteria.DateTo, "dateTo"), "dateTo"),
            LastUpdateDateFrom = criteria.LastUpdateDateFrom is { Length: > 0 } from ? XsDateTime.Parse(from, "lastUpdateDateFrom") : null,
            LastUpdateDateTo = criteria.LastUpdateDateTo is { Length: > 0 } to ? XsDateTime.Parse(to, "lastUpdateDateTo") : null,
            Statuses = [.. (criteria.InvoiceStatusList ?? []).Select(ParseStatus)],
            InvoiceType = criteria.InvoiceType is { Length: > 0 } type ? ParseType(type) : null,
        };
        PeriodLimit.Check(filter);
        if (options.CurrentValue.LegacyStatusCompatibility && filter.Statuses.Count == 0)
        {
            // Clients of the 2020 WSDL cannot read the queue statuses (ADR 0001): search only the ones they know.
            filter = filter with { Statuses = [.. Enum.GetValues<InvoiceStatus>().Where(s => !s.IsAwaitingVerdict())] };
        }

        var page = Math.Max(criteria.PageNum ?? 1, 1);
        var result = await search.PageAsync(
            session, filter, InvoiceSortNames.Parse(criteria.OrderBy), criteria.Asc, page, PageSize, call.CancellationToken);
        return new QueryInvoiceResponse
        {
            LastBlock = !result.HasMore,
            CurrPage = page,
            RsCount = result.Invoices.Count,
            InvoiceInfoList = [.. result.Invoices.Select(InvoiceMapping.ToInvoiceInfo)],
        };
    }

    private async Task<IReadOnlyList<InvoiceRecord>> ByKeyAsync(InvoiceByKeyRequest request, SoapCall call)
    {
        var session = await sessions.RequireAsync(request.SessionId, call.CancellationToken);
        var keys = request.InvoiceKeyList!.Select(k => (k.Num.Trim(), k.Date.Trim())).ToList();
        return await search.ByKeysAsync(session, keys, DirectionFilter.Parse(request.Direction!), call.CancellationToken);
    }

    private async Task<InvoiceSummaryResponse> SummaryByIdAsync(InvoiceByIdRequest request, SoapCall call)
    {
        var session = await sessions.RequireAsync(request.SessionId, call.CancellationToken);
        return Summaries(await queries.GetByIdsAsync(session, request.IdList!, call.CancellationToken));
    }

    private static InvoiceSummaryResponse Summaries(IEnumerable<InvoiceRecord> invoices) => new()
    {
        InvoiceSummaryList = [.. invoices.Select(i => InvoiceMapping.ToSummary(
            new InvoiceSummaryRecord(i.InvoiceId, i.DateText, i.Status, i.Num, i.CancelReason, i.RegistrationNumber, i.LastUpdateDate)))],
    };

    private static string Required(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw EsfException.Business($"criteria/{name} is required.", "FIELD_IS_NULL") : value;

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static InvoiceStatus ParseStatus(string wire) => InvoiceStatusNames.TryParse(wire.Trim(), out var status)
        ? status
        : throw EsfException.InvalidInput($"invoiceStatus «{wire}» is not an InvoiceStatus.");

    private static InvoiceType ParseType(string wire) => wire.Trim() switch
    {
        "ORDINARY_INVOICE" => InvoiceType.OrdinaryInvoice,
        "FIXED_INVOICE" => InvoiceType.FixedInvoice,
        "ADDITIONAL_INVOICE" => InvoiceType.AdditionalInvoice,
        _ => throw EsfException.InvalidInput($"invoiceType «{wire}» is not an InvoiceType."),
    };
}
