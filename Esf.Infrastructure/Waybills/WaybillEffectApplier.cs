using Dapper;
using Esf.Domain.Invoices;
using Esf.Infrastructure.Persistence;
using Esf.Infrastructure.Warehouse;
using Npgsql;

namespace Esf.Infrastructure.Waybills;

/// <summary>
/// Applies one effect inside the caller's transaction, which holds the effect's row: every invoice in force on the waybill
/// (CREATED or DELIVERED, found by <c>invoices.waybill_number</c>) takes the effect's status with a history row, and the effect
/// is marked applied; the goods they moved through the virtual warehouse go back (<see cref="InvoiceAnnulment"/>). A blocked
/// invoice (SEND_TO_ISGO) cannot change status and stays. Run again, it finds nothing to annul.
/// </summary>
internal static class WaybillEffectApplier
{
    /// <summary>The history's actor: the waybill, not a person.</summary>
    public const string Actor = "snt";

    private static readonly Dictionary<InvoiceStatus, string> Reasons = new()
    {
        [InvoiceStatus.CanceledBySntDecline] = "Аннулирован при отклонении СНТ: прошли 3 рабочих дня после даты отклонения СНТ",
        [InvoiceStatus.CanceledBySntRevoke] = "Аннулирован при отзыве СНТ поставщиком",
    };

    /// <returns>How many invoices were annulled.</returns>
    public static async Task<int> ApplyAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, InvoiceGoods goods, WaybillEffect effect, DateTimeOffset now, CancellationToken ct)
    {
        var locked = (await connection.QueryAsync<(long Id, string Status)>(new CommandDefinition("""
            SELECT invoice_id, status FROM invoices WHERE waybill_number = @Number AND status IN ('CREATED', 'DELIVERED')
            ORDER BY invoice_id FOR UPDATE
            """, new { Number = effect.WaybillNumber }, transaction, cancellationToken: ct))).ToList();
        await InvoiceAnnulment.AnnulAsync(connection, transaction, goods, locked, effect.InvoiceStatus, Actor, Reasons[effect.InvoiceStatus], now, ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE waybill_effects SET applied_at = @Now, annulled_invoices = @Count WHERE effect_id = @Id",
            new { Now = now, Count = locked.Count, Id = effect.EffectId }, cancellationToken: ct));
        return locked.Count;
    }
}
