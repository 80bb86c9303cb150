using Esf.Domain.Employees;
using Dapper;
using Esf.Domain.Waybills;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Sessions;
using Npgsql;

namespace Esf.Infrastructure.Waybills;

/// <summary>
/// The parties' operations on registered waybills (receive, confirm and decline by the buyer, revoke by the seller, confirm by an
/// ОГД inspector), each with a signed id
/// list checked as for invoices (<see cref="StatusChangeSignature"/>): locks the visible waybills, lets <see cref="WaybillFlow"/>
/// decide each one, moves its virtual-warehouse goods (<see cref="Warehouse.WaybillGoods"/>: a refusal leaves that waybill unchanged),
/// writes each change with its history row, and tells <see cref="IWaybillStatusConsequences"/> of a decline or revocation, all in
/// one transaction.
/// </summary>
public sealed class WaybillStatusChanger(
    NpgsqlDataSource database, TimeProvider clock, Security.CertificateValidator certificates, IWaybillStatusConsequences consequences,
    Warehouse.WaybillGoods goods)
{
    public const string NotFound = "SNT_NOT_FOUND";

    /// <param name="signed">The signature over the id list (<c>id|reason</c> lines, or <c>id</c> for a confirmation).</param>
    public async Task<IReadOnlyList<WaybillChangeResult>> ChangeAsync(
        SessionContext session, WaybillOperation operation, IReadOnlyList<StatusChangeItem> items, SignedStatusChange signed,
        CancellationToken cancellationToken)
    {
        session.Demand(EmployeeRight.ChangeStatus);
        if (items.Count == 0)
        {
            throw EsfException.InvalidInput("Список идентификаторов СНТ пуст (the id list is empty).", "FIELD_IS_NULL");
        }

        StatusChangeSignature.Verify(session, items, signed, certificates);
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // An inspector reaches the waybills of the buyers of their ОГД, and only to confirm them (ADR 0032); nobody else gains any.
        var rows = (await connection.QueryAsync<WaybillParties>(new CommandDefinition($"""
            SELECT w.waybill_id AS WaybillId, w.status AS Status, w.registration_number AS RegistrationNumber, w.seller_tin AS SellerTin,
                   w.customer_tin AS CustomerTin, {InspectsBuyer} AS InspectsBuyer
            FROM waybills w WHERE w.waybill_id = ANY(@Ids) AND ({WaybillVisibility.Predicate} OR (@AsInspector AND {InspectsBuyer}))
            ORDER BY w.waybill_id FOR UPDATE OF w
            """, new
        {
            Ids = items.Select(i => i.Id).ToArray(), session.Tin, session.Login, AsInspector = operation == WaybillOperation.ConfirmByInspector,
        }, cancellationToken: cancellationToken))).ToDictionary(r => r.WaybillId);
        var results = new List<WaybillChangeResult>();
        foreach (var item in items.DistinctBy(i => i.Id))
        {
            if (!rows.TryGetValue(item.Id, out var row))
            {
                results.Add(new WaybillChangeResult(item.Id, null, NotFound, $"СНТ с идентификатором {item.Id} не найдена."));
                continue;
            }

            var decision = WaybillFlow.Decide(operation, WaybillStatusNames.Parse(row.Status), row.RoleOf(session.Tin), item.Reason);
            if (!decision.Allowed)
            {
                results.Add(new WaybillChangeResult(item.Id, null, decision.ErrorCode, decision.Reason));
                continue;
            }

            await transaction.SaveAsync("waybill_goods", cancellationToken);
            if (await goods.OnStatusChangedAsync(connection, transaction, row.WaybillId, row.CustomerTin, decision.To, cancellationToken) is { } refused)
            {
                await transaction.RollbackAsync("waybill_goods", cancellationToken);
                results.Add(new WaybillChangeResult(item.Id, null, refused.ErrorCode, $"{refused.RuleId}: {refused.Message}"));
                continue;
            }

            await WaybillStore.MoveAsync(connection, row.WaybillId, decision.From, decision.To, session.Login, session.Tin, item.Reason,
                decision.To == WaybillStatus.Declined ? KazakhstanTime.Today(clock) : null, now, cancellationToken);
            if (decision.To is WaybillStatus.Declined or WaybillStatus.Revoked)
            {
                await consequences.OnWaybillStatusChangedAsync(connection, transaction, row.RegistrationNumber!, decision.To, now, cancellationToken);
            }

            results.Add(new WaybillChangeResult(item.Id, decision.To, null, null));
        }

        await transaction.CommitAsync(cancellationToken);
        return results;
    }

    /// <summary>
    /// The session's user (@Login, an ИИН) is an inspector of the ОГД its registered waybill's buyer is registered with
    /// (registry «ogd-inspectors» against taxpayers.kogd).
    /// </summary>
    private const string InspectsBuyer = """
        (w.registration_number IS NOT NULL AND EXISTS (
            SELECT 1 FROM ogd_inspectors i JOIN taxpayers t ON t.kogd = i.kogd WHERE i.iin = @Login AND t.tin = w.customer_tin))
        """;

    /// <summary>
    /// What the session is to a locked waybill. The seeds give rights to the seller and the buyer (ADR 0015), and let an ОГД
    /// inspector confirm in the buyer's place (ADR 0032).
    /// </summary>
    private sealed record WaybillParties(long WaybillId, string Status, string? RegistrationNumber, string SellerTin, string? CustomerTin, bool InspectsBuyer)
    {
        public WaybillRole RoleOf(string tin) =>
            (tin == SellerTin ? WaybillRole.Seller : WaybillRole.None)
            | (tin == CustomerTin && RegistrationNumber is not null ? WaybillRole.Buyer : WaybillRole.None)
            | (InspectsBuyer ? WaybillRole.Inspector : WaybillRole.None);
    }
}

/// <summary>One waybill of an operation: its new status, or the SNT_* error code and reason it was refused (or SNT_NOT_FOUND).</summary>
public sealed record WaybillChangeResult(long WaybillId, WaybillStatus? NewStatus, string? ErrorCode, string? Message)
{
    public bool IsChanged => ErrorCode is null;
}
