using Esf.Domain.GovernmentSystems;
using Esf.Infrastructure.GovernmentSystems;

namespace Esf.Api.Rest.GovernmentSystems;

/// <summary>
/// A new request: the invoices, the state body (registry state-bodies) and its subsidy (state-subsidies), and the signature over
/// <c>id|body</c> or <c>id|body/subsidy</c>, one line per invoice in the order given (docs/procurement-and-isgo.md).
/// </summary>
public sealed record IsgoRequestBody(IReadOnlyList<long>? InvoiceIds, string? StateBody, string? Subsidy, string? Signature, string? Certificate);

/// <summary>The counterparty's answer: the signature over <c>requestId</c> (confirm) or <c>requestId|reason</c> (decline).</summary>
public sealed record IsgoAnswerBody(string? Reason, string? Signature, string? Certificate);

/// <summary>One request of the journal: status by wire and Russian name, parties, state body, subsidy, note and dates.</summary>
public sealed record IsgoRequestView(
    long Id, string Status, string StatusName, string InitiatorTin, string CounterpartyTin, string StateBody, string? Subsidy, string? Note,
    DateTimeOffset CreatedAt, DateTimeOffset? ConfirmedAt, DateTimeOffset LastUpdateDate)
{
    public static IsgoRequestView From(IsgoRequestRow r) => new(
        r.RequestId, r.Status, r.ParsedStatus.RussianName(), r.InitiatorTin, r.CounterpartyTin, r.StateBodyCode, r.SubsidyCode, r.Note,
        Utc(r.CreatedAt), r.ConfirmedAt is { } confirmed ? Utc(confirmed) : null, Utc(r.LastUpdateDate));

    public static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}

/// <summary>An invoice inside a request: its status now and before the request, and its own outcome.</summary>
public sealed record IsgoRequestInvoiceView(long InvoiceId, string? RegistrationNumber, string InvoiceStatus, string PreviousStatus, string Outcome);

/// <summary>One step of the request's history.</summary>
public sealed record IsgoHistoryView(string? FromStatus, string ToStatus, string Actor, string? Tin, string? Note, DateTimeOffset ChangedAt);

/// <summary>A request with its invoices and history («Просмотр истории»).</summary>
public sealed record IsgoRequestDetailsView(IsgoRequestView Request, IReadOnlyList<IsgoRequestInvoiceView> Invoices, IReadOnlyList<IsgoHistoryView> History)
{
    public static IsgoRequestDetailsView From(IsgoRequestDetails d) => new(
        IsgoRequestView.From(d.Request),
        d.Invoices.Select(i => new IsgoRequestInvoiceView(i.InvoiceId, i.RegistrationNumber, i.InvoiceStatus, i.PreviousStatus, i.Outcome)).ToList(),
        d.History.Select(h => new IsgoHistoryView(h.FromStatus, h.ToStatus, h.Actor, h.Tin, h.Note, IsgoRequestView.Utc(h.ChangedAt))).ToList());
}
