using System.Net.Http.Json;
using Esf.Infrastructure.Invoices;
using Esf.Tests.Lifecycle;
using Esf.Tests.Soap;

namespace Esf.Tests.Security.Isolation;

/// <summary>
/// One operation that names an invoice (by id or by key), as the isolation matrix calls it: the caller, the invoice, and the
/// raw answer (HTTP status and body). Add an operation with one line in <see cref="TenantOperations.All"/>.
/// </summary>
/// <param name="OnFailed">The operation acts on FAILED invoices (delete), so the owner's invoice is made to fail the control.</param>
public sealed record TenantOperation(string Name, Func<Caller, InvoiceTarget, Task<string>> Invoke, bool OnFailed = false)
{
    public const string Reason = "попытка чужого предприятия";

    public static TenantOperation Soap(string service, string requestElement) => Soap(service, requestElement,
        (caller, target) => Envelopes.ById(requestElement, caller.SessionId, target.Id));

    /// <summary>A SOAP operation whose request is not the plain sessionId + idList (build the envelope yourself).</summary>
    public static TenantOperation Soap(string service, string name, Func<Caller, InvoiceTarget, string> envelope, bool onFailed = false) =>
        new($"SOAP {service}.{name}", async (caller, target) =>
        {
            var reply = await caller.Soap.PostAsync(service, envelope(caller, target));
            return $"{(int)reply.Status} {reply.Body}";
        }, onFailed);

    /// <summary>decline, revoke, unrevoke: idWithReasonList signed by the caller with the caller's own certificate.</summary>
    public static TenantOperation SoapWithReason(string requestElement) => Soap("InvoiceService", requestElement, (caller, target) =>
    {
        var signed = SignedBy(caller, target.Id, Reason);
        return Envelopes.Envelope(
            $"<esf:{requestElement}><sessionId>{caller.SessionId}</sessionId><signature>{signed.Signature}</signature>"
            + $"<x509Certificate>{signed.Certificate}</x509Certificate><idWithReasonList><invoiceIdWithReason><id>{target.Id}</id>"
            + $"<reason>{Reason}</reason></invoiceIdWithReason></idWithReasonList></esf:{requestElement}>");
    });

    /// <summary>deleteInvoiceById: idList signed by the caller, on a FAILED invoice (the only status delete accepts).</summary>
    public static TenantOperation SoapDelete() => Soap("InvoiceService", "deleteInvoiceByIdRequest", (caller, target) =>
    {
        var signed = SignedBy(caller, target.Id, null);
        return Envelopes.Envelope(
            $"<esf:deleteInvoiceByIdRequest><sessionId>{caller.SessionId}</sessionId><idList><id>{target.Id}</id></idList>"
            + $"<signature>{signed.Signature}</signature><x509Certificate>{signed.Certificate}</x509Certificate></esf:deleteInvoiceByIdRequest>");
    }, onFailed: true);

    /// <summary>queryInvoiceByKey, queryInvoiceSummaryByKey: the invoice's (num, date), OUTBOUND (the owner is its seller).</summary>
    public static TenantOperation SoapByKey(string requestElement) => Soap("InvoiceService", requestElement, (caller, target) =>
        Envelopes.Envelope(
            $"<esf:{requestElement}><sessionId>{caller.SessionId}</sessionId><invoiceKeyList><invoiceKey><date>{target.Date}</date>"
            + $"<num>{target.Num}</num></invoiceKey></invoiceKeyList><direction>OUTBOUND</direction></esf:{requestElement}>"));

    /// <summary>A REST call; <paramref name="path"/> contains <c>{id}</c>.</summary>
    public static TenantOperation Rest(HttpMethod method, string path, Func<Caller, InvoiceTarget, HttpContent?>? body = null, bool onFailed = false) =>
        new($"REST {method} {path}", async (caller, target) =>
        {
            using var request = new HttpRequestMessage(method, path.Replace("{id}", target.Id.ToString(), StringComparison.Ordinal))
            {
                Content = body?.Invoke(caller, target),
            };
            using var response = await caller.Http.SendAsync(request);
            return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
        }, onFailed);

    /// <summary>
    /// A page of the web journal, with the caller's session in the journal's cookie (the cookie carries the same session id);
    /// the anti-forgery token of the page's logout form is random per page, so it is left out of the comparison.
    /// </summary>
    public static TenantOperation Journal(string path) =>
        new($"Journal GET {path}", async (caller, target) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path.Replace("{id}", target.Id.ToString(), StringComparison.Ordinal));
            request.Headers.Add("Cookie", $"{Api.Journal.JournalSessionCookie.Name}={caller.SessionId}");
            using var response = await caller.Http.SendAsync(request);
            var body = System.Text.RegularExpressions.Regex.Replace(await response.Content.ReadAsStringAsync(), "name=\"__af\" value=\"[^\"]*\"", "");
            return $"{(int)response.StatusCode} {body}";
        });

    /// <summary>A REST status change with the body <c>{reason, signature, certificate}</c> signed by the caller.</summary>
    public static TenantOperation RestSigned(string verb, bool withReason = true) =>
        Rest(HttpMethod.Post, $"api/v1/invoices/{{id}}/{verb}", (caller, target) =>
        {
            var reason = withReason ? Reason : null;
            var signed = SignedBy(caller, target.Id, reason);
            return JsonContent.Create(new { reason, signature = signed.Signature, certificate = signed.Certificate });
        }, onFailed: !withReason);

    public override string ToString() => Name;

    /// <summary>A valid signature of the attacker (its own certificate) over the canonical id list: only visibility may refuse it.</summary>
    private static SignedStatusChange SignedBy(Caller caller, long id, string? reason) =>
        DocumentFlowParties.Sign([new StatusChangeItem(id, reason)], caller.Tenant.Certificate);
}
