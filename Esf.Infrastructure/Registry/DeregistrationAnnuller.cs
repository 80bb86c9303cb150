using Dapper;
using Esf.Domain.Invoices;
using Esf.Infrastructure.Persistence;
using Esf.Infrastructure.Warehouse;
using Npgsql;

namespace Esf.Infrastructure.Registry;

/// <summary>
/// GEN-08: when the taxpayer registry records a deregistration, the registered invoices (CREATED or DELIVERED) of that supplier
/// or recipient whose turnover date (field 3) is after the deregistration date become CANCELED_BY_OGD («Аннулирован ИС ЭСФ для
/// отнесения в зачет и на вычеты»). Runs inside the import's transaction over the taxpayers of that import only, set-based
/// (one locking SELECT and one UPDATE per former status), with a history row per invoice so the change feed and webhooks see it.
/// Re-importing the same file finds nothing left to annul. Their warehouse goods go back as in every system annulment.
/// </summary>
internal static class DeregistrationAnnuller
{
    public const string Actor = "registry";
    public const string Reason = "Аннулирован ИС ЭСФ: поставщик или получатель снят с регистрационного учета до даты совершения оборота";

    /// <summary>Annuls the invoices of the deregistered taxpayers among <c>registry_stage</c>; returns how many.</summary>
    public static async Task<int> AnnulAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, InvoiceGoods goods, DateTimeOffset now, CancellationToken ct)
    {
        var locked = (await connection.QueryAsync<(long Id, string Status)>(new CommandDefinition("""
            WITH gone AS (
                SELECT t.tin, t.deregistered_on FROM taxpayers t
                WHERE t.deregistered_on IS NOT NULL AND t.tin IN (SELECT tin FROM registry_stage))
            SELECT invoice_id, status FROM invoices
            WHERE status IN ('CREATED', 'DELIVERED') AND invoice_id IN (
                SELECT i.invoice_id FROM invoices i JOIN gone g ON i.seller_tin = g.tin WHERE i.turnover_date > g.deregistered_on
                UNION
                SELECT i.invoice_id FROM invoices i JOIN gone g ON i.customer_tin = g.tin WHERE i.turnover_date > g.deregistered_on)
            ORDER BY invoice_id FOR UPDATE
            """, transaction: transaction, cancellationToken: ct))).ToList();
        await InvoiceAnnulment.AnnulAsync(connection, transaction, goods, locked, InvoiceStatus.CanceledByOgd, Actor, Reason, now, ct);
        return locked.Count;
    }
}
