using Dapper;
using Esf.Domain.Calendar;
using Esf.Domain.Invoices;
using Esf.Domain.Waybills;
using Esf.Infrastructure.Registry;
using Npgsql;

namespace Esf.Infrastructure.Waybills;

/// <summary>
/// Records, in the transaction that changes a waybill's status, what that change does to the invoices issued on it
/// (<see cref="WaybillEffects"/>, R152–R154): a decline annuls them at the start (Kazakhstan time) of the day after the 3rd
/// working day after the decline, counted on the imported working-day calendar; a revocation annuls them at once, in this
/// same transaction. Effects due later are applied by <see cref="WaybillEffectRunner"/>. Recording a change twice records
/// one effect.
/// </summary>
public sealed class WaybillStatusConsequences(Warehouse.InvoiceGoods goods) : IWaybillStatusConsequences
{
    public async Task OnWaybillStatusChangedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string registrationNumber,
        WaybillStatus newStatus, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (WaybillEffects.InvoiceAnnulment(newStatus) is not { } invoiceStatus)
        {
            return;
        }

        // PostgreSQL stores instants; Npgsql writes only UTC ones.
        at = at.ToUniversalTime();
        var due = invoiceStatus == InvoiceStatus.CanceledBySntDecline ? await DeclineDueAsync(connection, at, cancellationToken) : at;
        var effectId = await connection.ExecuteScalarAsync<long?>(new CommandDefinition("""
            INSERT INTO waybill_effects (waybill_number, seller_tin, invoice_status, recorded_at, due_at)
            VALUES (@Number, @Seller, @Status, @At, @Due)
            ON CONFLICT (waybill_number, invoice_status) DO NOTHING
            RETURNING effect_id
            """, new
        {
            Number = registrationNumber, Seller = WaybillRegistrationNumber.SellerOf(registrationNumber), Status = invoiceStatus.ToWire(),
            At = at, Due = due,
        }, transaction, cancellationToken: cancellationToken));
        if (effectId is { } id && due <= at)
        {
            await WaybillEffectApplier.ApplyAsync(
                connection, transaction, goods, new WaybillEffect(id, registrationNumber, invoiceStatus), at, cancellationToken);
        }
    }

    /// <summary>Midnight in Kazakhstan starting the annulment day; without an imported calendar, Monday to Friday are working days.</summary>
    private static async Task<DateTimeOffset> DeclineDueAsync(NpgsqlConnection connection, DateTimeOffset declinedAt, CancellationToken ct)
    {
        var calendar = await WorkingCalendarStore.LoadAsync(connection, ct) ?? new WorkingDayCalendar([], []);
        var declinedOn = DateOnly.FromDateTime(KazakhstanTime.Of(declinedAt).DateTime);
        var annulmentDay = WaybillEffects.AnnulmentDay(declinedOn, calendar);
        return new DateTimeOffset(annulmentDay.ToDateTime(TimeOnly.MinValue), KazakhstanTime.Offset).ToUniversalTime();
    }
}
