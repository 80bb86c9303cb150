using System.Globalization;
using Esf.Api.Rest.Auth;
using Esf.Api.Rest.Problems;
using Esf.Domain.Lifecycle;
using Esf.Domain.Procurement;
using Esf.Domain.Rules;
using Esf.Domain.Rules.Registration;
using Esf.Infrastructure;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Procurement;
using Esf.Infrastructure.Waybills;
using Esf.Infrastructure.Xml;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Esf.Api.Rest.Procurement;

/// <summary>
/// /api/v1/egz: the procurement portal posts acts and contracts (<c>inbound/</c>, its system key, ADR 0030); the supplier
/// asks for the pre-fill of an invoice on an act or a contract (spec-rest §3.2–3.3). Only the supplier and the customer of a
/// document see it; any other enterprise gets 404.
/// </summary>
public static class ProcurementEndpoints
{
    public const string PortalKeyHeader = "X-Procurement-Key";

    private static readonly string[] ActLocked = ["sellers", "customers", "deliveryTerm", "deliveryDocNum", "productSet.products"];

    private static readonly string[] ContractLocked =
        ["sellers", "customers", "deliveryTerm", "productSet.products.product[].description", "productSet.products.product[].unitCode"];

    public static RouteGroupBuilder MapProcurementEndpoints(this RouteGroupBuilder api)
    {
        var egz = api.MapGroup("/egz").WithTags("ЭГЗ");
        egz.MapPut("/inbound/acts", (ProcurementDocumentBody body, HttpRequest request, IOptions<EsfOptions> options, ProcurementStore store,
                CancellationToken ct) => ReceiveAsync<ProcurementActStatus>(ProcurementKind.Act, body, request, options, store, ct))
            .WithName("ReceiveProcurementAct")
            .WithSummary("The procurement portal posts an act (system key; posted again = its status and lines replaced)")
            .ProducesRestProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized);
        egz.MapPut("/inbound/contracts", (ProcurementDocumentBody body, HttpRequest request, IOptions<EsfOptions> options, ProcurementStore store,
                CancellationToken ct) => ReceiveAsync<ProcurementContractStatus>(ProcurementKind.Contract, body, request, options, store, ct))
            .WithName("ReceiveProcurementContract")
            .WithSummary("The procurement portal posts a contract (system key)")
            .ProducesRestProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized);
        egz.MapPost("/acts/{id:long}/invoice", ActPrefillAsync)
            .WithName("PrefillInvoiceFromAct")
            .WithSummary("The invoice pre-filled from an approved act; the transferred fields are locked (EGZ-02)")
            .ProducesRestProblems(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
        egz.MapPost("/acts/{id:long}/waybills/{waybillId:long}/invoice", ActAndWaybillPrefillAsync)
            .WithName("PrefillInvoiceFromActAndWaybill")
            .WithSummary("The InvoiceV2 body of the invoice on an approved act and a registered waybill of the same contract: the waybill's " +
                "Table 28 with the act in 32.3/32.4; no import, temporary-import or export waybill (EGZ-07, EGZ-08)")
            .ProducesRestProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        egz.MapPost("/contracts/{id:long}/invoice", ContractPrefillAsync)
            .WithName("PrefillInvoiceFromContract")
            .WithSummary("The invoice pre-filled from a contract «Действует»; only G6, G7 and G14 editable; an approved act of it takes priority (409)")
            .ProducesRestProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        return api;
    }

    private static async Task<Ok<ProcurementReceipt>> ReceiveAsync<TStatus>(
        ProcurementKind kind, ProcurementDocumentBody body, HttpRequest request, IOptions<EsfOptions> options, ProcurementStore store, CancellationToken ct)
        where TStatus : struct, Enum
    {
        SystemKeys.Require(request, PortalKeyHeader, options.Value.ProcurementPortalKey, "The ЭГЗ inbound API", "Esf:ProcurementPortalKey");
        RequiredFields.Check(("number", body.Number), ("date", body.Date), ("contractNumber", body.ContractNumber), ("contractDate", body.ContractDate),
            ("supplierTin", body.SupplierTin), ("customerTin", body.CustomerTin), ("status", body.Status), ("items", body.Items));
        if (!WireNames<TStatus>.TryParse(body.Status!, out _))
        {
            throw EsfException.InvalidInput($"status: one of {string.Join(", ", Enum.GetValues<TStatus>().Select(WireNames<TStatus>.ToWire))}.");
        }

        var document = new ProcurementDocument(body.Number!, body.Date!.Value, body.ContractNumber!, body.ContractDate!.Value, body.SupplierTin!,
            body.CustomerTin!, body.Items!);
        return TypedResults.Ok(new ProcurementReceipt(await store.UpsertAsync(kind, document, body.Status!, ct)));
    }

    private static async Task<Ok<InvoicePrefillView>> ActPrefillAsync(long id, BearerSession bearer, ProcurementStore store, CancellationToken ct)
    {
        var d = (await ApprovedActAsync(store, bearer, id, ct)).Document();
        return TypedResults.Ok(new InvoicePrefillView(d.SupplierTin, d.CustomerTin, d.ContractNumber, d.ContractDate, d.Number, d.Date, d.Items, ActLocked));
    }

    /// <summary>
    /// spec-rest §3.4: the waybill's invoice (Table 28, <see cref="InvoicePrefillService"/> with its own refusals), the act named
    /// beside it in 32.3 and 32.4; the waybill must cite the act's contract and must not cross the border.
    /// </summary>
    private static async Task<Ok<PrefilledInvoice>> ActAndWaybillPrefillAsync(
        long id, long waybillId, BearerSession bearer, ProcurementStore store, WaybillQueries waybills, InvoicePrefillService prefill, CancellationToken ct)
    {
        var act = (await ApprovedActAsync(store, bearer, id, ct)).Document();
        var number = (await waybills.FindAsync(bearer.Context, waybillId, ct))?.RegistrationNumber
            ?? throw EsfException.NotFound($"No registered waybill {waybillId} is visible to this session.", "SNT_NOT_FOUND");
        var (waybill, view) = await waybills.FindRegisteredAsync(bearer.Context, number, ct)
            ?? throw EsfException.NotFound($"No registered waybill {waybillId} is visible to this session.", "SNT_NOT_FOUND");
        if (waybill.Document.Body.Contract.Num?.Trim() != act.ContractNumber)
        {
            throw Refusal(ProcurementRules.WaybillOfTheSameContract);
        }

        if (ProcurementBasis.IsCrossBorder(waybill.Document))
        {
            throw Refusal(ProcurementRules.NoCrossBorderWaybillBesideAct);
        }

        var prefilled = prefill.Prefill(waybill, view, bearer.Context.Tin);
        var body = InvoiceXmlParser.Parse(prefilled.Body);
        (body.DeliveryDocNum2, body.DeliveryDocDate2) = (act.Number, act.Date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture));
        return TypedResults.Ok(prefilled with { Body = InvoiceXmlWriter.Write(body) });
    }

    private static async Task<Ok<InvoicePrefillView>> ContractPrefillAsync(long id, BearerSession bearer, ProcurementStore store, CancellationToken ct)
    {
        var contract = await SupplierDocumentAsync(store, bearer, ProcurementKind.Contract, id, ct);
        if (WireNames<ProcurementContractStatus>.Parse(contract.Status) != ProcurementContractStatus.Active)
        {
            throw Refusal(ProcurementRules.ContractMustBeInForce);
        }

        if (await store.ApprovedActsOfAsync(contract, ct) is { Count: > 0 } acts)
        {
            var rule = ProcurementRules.ApprovedActTakesPriority.Definition;
            throw EsfException.Conflict($"{rule.MessageRu} (acts: {string.Join(", ", acts)})", rule.ErrorCode);
        }

        var d = contract.Document();
        return TypedResults.Ok(new InvoicePrefillView(d.SupplierTin, d.CustomerTin, d.ContractNumber, d.ContractDate, null, null, d.Items, ContractLocked));
    }

    /// <summary>An act of the session's enterprise as supplier, not refused (EGZ-01) and without an invoice in force (EGZ-03).</summary>
    private static async Task<ProcurementRecord> ApprovedActAsync(ProcurementStore store, BearerSession bearer, long id, CancellationToken ct)
    {
        var act = await SupplierDocumentAsync(store, bearer, ProcurementKind.Act, id, ct);
        if (WireNames<ProcurementActStatus>.Parse(act.Status) == ProcurementActStatus.AcceptanceRefused)
        {
            throw Refusal(ProcurementRules.ActMustNotBeRefused);
        }

        return await store.HasInvoiceInForceAsync(act, ct) ? throw Refusal(ProcurementRules.OneInvoiceInForcePerAct) : act;
    }

    /// <summary>The pre-fill refuses with the registration rule the worker would fail the invoice with (422).</summary>
    private static EsfException Refusal(RegistryRule rule) => EsfException.Business(rule.Definition.MessageRu, rule.Definition.ErrorCode);

    /// <summary>The document, visible to the session's enterprise; only its supplier issues the invoice (403 for the customer).</summary>
    private static async Task<ProcurementRecord> SupplierDocumentAsync(
        ProcurementStore store, BearerSession bearer, ProcurementKind kind, long id, CancellationToken ct)
    {
        var document = await store.GetAsync(bearer.Context.Tin, kind, id, ct);
        return document.SupplierTin == bearer.Context.Tin
            ? document
            : throw new EsfException(EsfFaultKind.AccessDenied, "ЭСФ на основе документа ЭГЗ выписывает поставщик (only the supplier issues it).", "ACCESS_DENIED");
    }
}
