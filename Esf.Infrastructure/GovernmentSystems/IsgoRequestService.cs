using Esf.Domain.Employees;
using Dapper;
using Esf.Domain.GovernmentSystems;
using Esf.Domain.Invoices;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Security;
using Esf.Infrastructure.Sessions;
using Npgsql;

namespace Esf.Infrastructure.GovernmentSystems;

/// <summary>
/// Sending invoices to ИС ГО (spec-rest §3.8): the supplier or the recipient selects invoices and a state body and signs; the
/// counterparty confirms or refuses, signed; the government side answers. Every change of the request and of its invoices is
/// one transaction with their history rows; <see cref="IsgoRequestLifecycle"/> decides what may follow what and what the
/// invoices get back.
/// </summary>
public sealed class IsgoRequestService(
    NpgsqlDataSource database, TimeProvider clock, CertificateValidator certificates, IWaybillStatusReader waybills, IStateSupportGateway government)
{
    public const int MaxInvoices = 100;
    public const string GovernmentActor = "ИС ГО";
    public const string ShepActor = "ШЭП";

    public async Task<long> InitiateAsync(SessionContext session, IsgoInitiation initiation, SignedStatusChange signed, CancellationToken cancellationToken)
    {
        session.Demand(EmployeeRight.Sign);
        if (initiation.InvoiceIds.Count is 0 or > MaxInvoices || initiation.InvoiceIds.Distinct().Count() != initiation.InvoiceIds.Count)
        {
            throw EsfException.InvalidInput($"invoiceIds: from 1 to {MaxInvoices} distinct invoice ids.", "ISGO_EMPTY_INVOICES_LIST");
        }

        StatusChangeSignature.Verify(session, initiation.SignedItems(), signed, certificates);
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await CheckStateBodyAsync(connection, initiation, cancellationToken);
        var invoices = await IsgoRequestStore.LockInvoicesAsync(connection, session.Tin, initiation.InvoiceIds, cancellationToken);
        if (initiation.InvoiceIds.FirstOrDefault(id => invoices.All(i => i.InvoiceId != id)) is var missing and not 0)
        {
            throw EsfException.NotFound($"ЭСФ с идентификатором {missing} не найден.", "ISGO_INVOICE_NOT_FOUND");
        }

        var linked = await waybills.LinkedWaybillsAsync(initiation.InvoiceIds, cancellationToken);
        var selection = IsgoSelection.Check(invoices.Select(i => new IsgoCandidate(i.InvoiceId, InvoiceStatusNames.Parse(i.Status), i.SellerTin,
            i.CustomerTin, linked.TryGetValue(i.InvoiceId, out var waybill) ? waybill : null)).ToList(), session.Tin);
        if (!selection.Allowed)
        {
            throw selection.ErrorCode switch
            {
                IsgoSelection.NotAParty => new EsfException(EsfFaultKind.AccessDenied, selection.Reason!, selection.ErrorCode),
                IsgoSelection.WrongStatus => EsfException.Conflict(selection.Reason!, selection.ErrorCode),
                _ => EsfException.Business(selection.Reason!, selection.ErrorCode),
            };
        }

        var requestId = await IsgoRequestStore.InsertAsync(connection, session.Tin, selection.Counterparty!, initiation, invoices, now, cancellationToken);
        await IsgoRequestStore.MoveInvoicesAsync(connection,
            invoices.Select(i => (i.InvoiceId, InvoiceStatusNames.Parse(i.Status), InvoiceStatus.SendToIsgo)).ToList(),
            session.Login, session.Tin, RequestReason(requestId), now, cancellationToken);
        await IsgoRequestStore.SetStatusAsync(
            connection, requestId, null, IsgoRequestStatus.SentForConfirmation, session.Login, session.Tin, null, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return requestId;
    }

    /// <summary>The counterparty confirms; the request goes to ШЭП at once and records whether it was accepted.</summary>
    public async Task ConfirmAsync(SessionContext session, long requestId, SignedStatusChange signed, CancellationToken cancellationToken)
    {
        session.Demand(EmployeeRight.Sign);
        StatusChangeSignature.Verify(session, [new StatusChangeItem(requestId, null)], signed, certificates);
        var submission = await MoveAsync(requestId, session, IsgoRequestStatus.AgreedByCounterparty, _ => null, session.Login, null, cancellationToken);
        var receipt = await government.SubmitAsync(submission, cancellationToken);
        await MoveAsync(requestId, null, receipt.Accepted ? IsgoRequestStatus.SentToShep : IsgoRequestStatus.NotAcceptedByShep,
            _ => null, ShepActor, receipt.Reason, cancellationToken);
    }

    /// <summary>The counterparty refuses with a reason: the invoices get their earlier status back.</summary>
    public async Task DeclineAsync(SessionContext session, long requestId, string? reason, SignedStatusChange signed, CancellationToken cancellationToken)
    {
        session.Demand(EmployeeRight.Sign);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw EsfException.InvalidInput("reason: причина отказа обязательна (a refusal needs its reason).");
        }

        StatusChangeSignature.Verify(session, [new StatusChangeItem(requestId, reason)], signed, certificates);
        await MoveAsync(requestId, session, IsgoRequestStatus.DeclinedByCounterparty, _ => null, session.Login, reason, cancellationToken);
    }

    /// <summary>What the state body reports (the simulator and the sandbox call this in place of the real ИС ГО).</summary>
    public Task RecordGovernmentAnswerAsync(long requestId, IsgoGovernmentAnswer answer, CancellationToken cancellationToken)
    {
        if (!IsgoGovernmentAnswer.FromGovernment.Contains(answer.Status))
        {
            throw EsfException.InvalidInput($"status: the government side sets only {string.Join(", ", IsgoGovernmentAnswer.FromGovernment.Select(s => s.ToWire()))}.");
        }

        // The decision is per invoice: included ones stay blocked, the others leave the request with their status given back.
        var isDecision = answer.Status is IsgoRequestStatus.IncludedInApplication or IsgoRequestStatus.NotIncludedInApplication;
        var included = answer.Status == IsgoRequestStatus.NotIncludedInApplication ? [] : answer.IncludedInvoiceIds;
        return MoveAsync(requestId, null, isDecision ? null : answer.Status,
            id => isDecision
                ? included is null || included.Contains(id) ? IsgoRequestStatus.IncludedInApplication : IsgoRequestStatus.NotIncludedInApplication
                : null,
            GovernmentActor, answer.Note, cancellationToken);
    }

    /// <param name="session">The acting counterparty; null for the government side, which may act on any request.</param>
    /// <param name="to">The request's next status; null when it follows from the per-invoice outcomes.</param>
    /// <param name="outcomeOf">An invoice's own outcome when it differs from the request's status.</param>
    private async Task<IsgoSubmission> MoveAsync(
        long requestId, SessionContext? session, IsgoRequestStatus? to, Func<long, IsgoRequestStatus?> outcomeOf, string actor, string? note,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var request = await IsgoRequestStore.LockRequestAsync(connection, requestId, session?.Tin, cancellationToken)
            ?? throw EsfException.NotFound($"No ИС ГО request {requestId} is visible to this session.");
        if (session is not null && session.Tin != request.CounterpartyTin)
        {
            throw new EsfException(EsfFaultKind.AccessDenied,
                "Подтвердить или отклонить запрос может только контрагент (only the counterparty answers a request).", "ISGO_INVALID_APPROVER");
        }

        var riding = await IsgoRequestStore.RidingInvoicesAsync(connection, request, cancellationToken);
        var outcomes = riding.ToDictionary(i => i.InvoiceId, i => outcomeOf(i.InvoiceId) ?? to!.Value);
        var from = request.ParsedStatus;
        var target = to ?? IsgoRequestLifecycle.AfterDecision(outcomes.Values.Select(o => o == IsgoRequestStatus.IncludedInApplication));
        if (!IsgoRequestLifecycle.CanMove(from, target))
        {
            throw EsfException.Conflict($"{IsgoRequestLifecycle.Table.Refusal(from, target).Message}", "ISGO_INVALID_ISGO_INVOICE_STATUS");
        }

        foreach (var group in outcomes.GroupBy(o => o.Value))
        {
            await IsgoRequestStore.SetOutcomeAsync(connection, requestId, group.Select(o => o.Key).ToList(), group.Key, cancellationToken);
        }

        var restored = riding.Where(i => IsgoRequestLifecycle.RestoresInvoices(outcomes[i.InvoiceId])).ToList();
        await IsgoRequestStore.MoveInvoicesAsync(connection,
            restored.Select(i => (i.InvoiceId, InvoiceStatus.SendToIsgo, InvoiceStatusNames.Parse(i.PreviousStatus))).ToList(),
            actor, session?.Tin, RequestReason(requestId), now, cancellationToken);
        await IsgoRequestStore.SetStatusAsync(connection, requestId, from, target, actor, session?.Tin, note, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new IsgoSubmission(requestId, request.StateBodyCode, request.SubsidyCode, riding.Select(i => i.RegistrationNumber ?? "").ToList());
    }

    private static async Task CheckStateBodyAsync(NpgsqlConnection connection, IsgoInitiation initiation, CancellationToken cancellationToken)
    {
        var subsidies = (await connection.QueryAsync<string?>(new CommandDefinition("""
            SELECT s.code FROM state_bodies b LEFT JOIN state_subsidies s ON s.state_body_code = b.code WHERE b.code = @Code
            """, new { Code = initiation.StateBodyCode }, cancellationToken: cancellationToken))).AsList();
        if (subsidies.Count == 0)
        {
            throw EsfException.InvalidInput($"stateBody: государственный орган «{initiation.StateBodyCode}» не найден в справочнике.", "ISGO_SYSTEM_NOT_FOUND");
        }

        var offered = subsidies.OfType<string>().ToList();
        if (initiation.SubsidyCode is { } subsidy ? !offered.Contains(subsidy) : offered.Count > 0)
        {
            throw EsfException.InvalidInput(
                $"subsidy: выберите субсидию государственного органа из справочника ({string.Join(", ", offered)}).", "ISGO_SUBSIDY_NOT_FOUND");
        }
    }

    private static string RequestReason(long requestId) => $"Запрос ИС ГО {requestId}";
}
