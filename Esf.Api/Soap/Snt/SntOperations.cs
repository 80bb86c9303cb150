using System.Globalization;
using Esf.Api.Soap.Framework;
using Esf.Api.Soap.Invoices;
using Esf.Domain.Waybills;
using Esf.Infrastructure;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Sessions;
using Esf.Infrastructure.Waybills;
using Microsoft.Extensions.Options;

namespace Esf.Api.Soap.Snt;

/// <summary>
/// SntService (ours: the real one's WSDL is not in the sources, ADR 0032): the waybill (СНТ) operations of /api/v1/snt over
/// SOAP, in the style of UploadInvoiceService and InvoiceService, each on the same application service the REST endpoint uses
/// (<see cref="WaybillUploader"/>, <see cref="WaybillQueries"/>, <see cref="WaybillStatusChanger"/>). Every call needs an open
/// session; what the session's enterprise may not see is absent from a query's answer and SNT_NOT_FOUND in an operation's.
/// </summary>
public sealed class SntOperations(
    SessionService sessions, WaybillUploader uploader, WaybillQueries queries, WaybillStatusChanger changer, IOptions<QuotaOptions> quotas)
{
    public const string ServiceName = "SntService";

    /// <summary>Its faults carry the errorCode of the refusal beside the description, the REST problem's errorCode.</summary>
    public static SoapServiceDefinition Define() => new SoapServiceDefinition(ServiceName, "esf") { FaultsCarryErrorCode = true }
        .Map<UploadSntRequest, UploadSntResponse>("uploadSntRequest", "uploadSntResponse", (r, c) => c.Get<SntOperations>().UploadAsync(r, c))
        .Map<InvoiceByIdRequest, SntInfoResponse>("querySntByIdRequest", "querySntByIdResponse", (r, c) => c.Get<SntOperations>().QueryByIdAsync(r, c))
        .Map<InvoiceByIdRequest, SntStatusResponse>(
            "querySntStatusByIdRequest", "querySntStatusByIdResponse", (r, c) => c.Get<SntOperations>().QueryStatusAsync(r, c))
        .Map<InvoiceByIdRequest, SntHistoryResponse>(
            "querySntHistoryByIdRequest", "querySntHistoryByIdResponse", (r, c) => c.Get<SntOperations>().QueryHistoryAsync(r, c))
        .Map<SearchSntRequest, SntInfoResponse>("searchSntRequest", "searchSntResponse", (r, c) => c.Get<SntOperations>().SearchAsync(r, c))
        .MapChange("receiveSntById", WaybillOperation.Receive)
        .MapChange("confirmSntById", WaybillOperation.Confirm)
        .MapChange("declineSntById", WaybillOperation.Decline)
        .MapChange("revokeSntById", WaybillOperation.Revoke)
        .MapChange("confirmSntByOgdInspector", WaybillOperation.ConfirmByInspector);

    private async Task<UploadSntResponse> UploadAsync(UploadSntRequest request, SoapCall call)
    {
        var session = await sessions.RequireAsync(request.SessionId, call.CancellationToken);
        var infos = request.SntUploadInfoList!;
        if (infos.Count == 0)
        {
            throw EsfException.InvalidInput("sntUploadInfoList is empty: send at least one sntUploadInfo.");
        }

        var batch = new UploadBatch(
            [.. infos.Select(i => new UploadItem(i.SntBody ?? "", i.Version ?? "", i.Signature ?? "", i.SignatureType ?? ""))], request.X509Certificate!);
        var result = await uploader.UploadAsync(session, batch, "SOAP", null, call.CancellationToken);
        return new UploadSntResponse { AcceptedSet = [.. result.Accepted.Select(ToStandardResponse)], DeclinedSet = [.. result.Declined.Select(ToStandardResponse)] };
    }

    private async Task<SntInfoResponse> QueryByIdAsync(InvoiceByIdRequest request, SoapCall call)
    {
        var session = await RequireAsync(request, call);
        var found = new List<SntInfo>();
        foreach (var id in request.IdList!.Distinct())
        {
            if (await queries.FindAsync(session, id, call.CancellationToken) is { } waybill)
            {
                found.Add(ToInfo(waybill, await queries.GetErrorsAsync(session, id, call.CancellationToken)));
            }
        }

        return new SntInfoResponse { SntInfoList = found };
    }

    private async Task<SntStatusResponse> QueryStatusAsync(InvoiceByIdRequest request, SoapCall call)
    {
        var session = await RequireAsync(request, call);
        var found = new List<SntStatus>();
        foreach (var id in request.IdList!.Distinct())
        {
            if (await queries.FindAsync(session, id, call.CancellationToken) is { } waybill)
            {
                var errors = await queries.GetErrorsAsync(session, id, call.CancellationToken);
                found.Add(new SntStatus { SntId = id, Status = waybill.Status, RegistrationNumber = waybill.RegistrationNumber, Errors = SntError.ListOrNull(errors) });
            }
        }

        return new SntStatusResponse { SntStatusList = found };
    }

    private async Task<SntHistoryResponse> QueryHistoryAsync(InvoiceByIdRequest request, SoapCall call)
    {
        var session = await RequireAsync(request, call);
        var history = new List<SntHistory>();
        foreach (var id in request.IdList!.Distinct())
        {
            history.AddRange((await queries.GetHistoryAsync(session, id, call.CancellationToken)).Select(h => new SntHistory
            {
                SntId = h.WaybillId, FromStatus = h.FromStatus, Status = h.ToStatus, DateTime = InvoiceMapping.ToXsDateTime(h.ChangedAt),
                UserId = h.Actor, Tin = h.Tin, Reason = h.Reason,
            }));
        }

        return new SntHistoryResponse { HistoryList = history };
    }

    private async Task<SntInfoResponse> SearchAsync(SearchSntRequest request, SoapCall call)
    {
        var session = await sessions.RequireAsync(request.SessionId, call.CancellationToken);
        var search = new WaybillSearch(
            SideOf(request.Side), request.Status, DayOf(request.DateFrom, "dateFrom"), DayOf(request.DateTo, "dateTo"), request.AfterId ?? 0,
            request.Limit ?? 100);
        var (page, next) = await queries.SearchPageAsync(session, search, call.CancellationToken);
        return new SntInfoResponse { SntInfoList = [.. page.Select(w => ToInfo(w, []))], Next = next };
    }

    internal async Task<ChangeSntStatusResponse> ChangeAsync(WaybillOperation operation, SignedSntIdListRequest request, SoapCall call)
    {
        IdListLimit.Check(request.IdWithReasonList!.Count, quotas.Value);
        var session = await sessions.RequireAsync(request.SessionId, call.CancellationToken);
        var items = request.IdWithReasonList!.Select(i => new StatusChangeItem(i.Id, WaybillFlow.ReasonFor(operation, i.Reason))).ToList();
        var results = await changer.ChangeAsync(session, operation, items, new SignedStatusChange(request.Signature!, request.X509Certificate!), call.CancellationToken);
        return new ChangeSntStatusResponse
        {
            ResultList = [.. results.Select(r => new ChangeSntStatusResult
            {
                SntId = r.WaybillId, IsChanged = r.IsChanged, Status = r.NewStatus?.ToWire(), ErrorCode = r.ErrorCode, Text = r.Message,
            })],
        };
    }

    private async Task<SessionContext> RequireAsync(InvoiceByIdRequest request, SoapCall call)
    {
        IdListLimit.Check(request.IdList!.Count, quotas.Value);
        return await sessions.RequireAsync(request.SessionId, call.CancellationToken);
    }

    private static SntInfo ToInfo(WaybillRecord w, IReadOnlyList<Domain.Rules.RuleViolation> errors) => new()
    {
        SntId = w.WaybillId, RegistrationNumber = w.RegistrationNumber, Status = w.Status, Num = w.Num, Date = w.DateText, SntType = w.WaybillType,
        RelatedSntId = w.RelatedWaybillId, RelatedRegistrationNumber = w.RelatedRegistrationNumber, SellerTin = w.SellerTin,
        CustomerTin = w.CustomerTin, CancelReason = w.CancelReason, DeclinedOn = w.DeclinedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        InputDate = InvoiceMapping.ToXsDateTime(Utc(w.InputDate)), LastUpdateDate = InvoiceMapping.ToXsDateTime(Utc(w.LastUpdateDate)),
        SntBody = w.Body, Errors = SntError.ListOrNull(errors),
    };

    private static SntStandardResponse ToStandardResponse(UploadItemResult item) =>
        new() { Errors = SntError.ListOrNull(item.Errors), Id = item.InvoiceId, Num = item.Num, Date = item.Date };

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static WaybillSide SideOf(string? side) => side switch
    {
        null or "" => WaybillSide.Any,
        "OUTBOUND" => WaybillSide.Outbound,
        "INBOUND" => WaybillSide.Inbound,
        _ => throw EsfException.InvalidInput($"side «{side}» is not OUTBOUND or INBOUND."),
    };

    private static DateOnly? DayOf(string? text, string field) =>
        string.IsNullOrWhiteSpace(text) ? null
        : DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : throw EsfException.InvalidInput($"{field} «{text}» is not an xs:date (yyyy-MM-dd).");
}

/// <summary>Maps one signed operation as {name}Request → {name}Response.</summary>
internal static class SntChangeMapping
{
    public static SoapServiceDefinition MapChange(this SoapServiceDefinition service, string name, WaybillOperation operation) =>
        service.Map<SignedSntIdListRequest, ChangeSntStatusResponse>(
            name + "Request", name + "Response", (r, c) => c.Get<SntOperations>().ChangeAsync(operation, r, c));
}
