using Esf.Domain.Rules;
using Esf.Domain.Warehouse;
using Esf.Infrastructure.Warehouse;
using Npgsql;

namespace Esf.Infrastructure.Registration;

/// <summary>
/// The verdicts of one batch through every stage, in the verdicts' transaction: the registration rules (<see cref="RegistrationJudge"/>,
/// which records what each passed invoice does to the rest of the batch: its number taken, its waybill and ЭГЗ act linked, its
/// original annulled or supplemented), then where the goods came from (<see cref="VerdictSources"/>) and the warehouse
/// (<see cref="VerdictGoods"/>). An invoice a later stage fails must not keep any effect of the registration stage, so when one
/// does, the later stages are rolled back to a savepoint and the batch judged again on a fresh registry view, that invoice failing
/// from the start with what the later stage found (and so recording nothing). Each round fails at least one more invoice, so this
/// ends; a batch nobody fails late (the common case) is judged once. The savepoint is taken only when a later stage can write
/// (an invoice naming warehouse lines, or a correction): a plain batch's later stages only read.
/// </summary>
internal static class BatchVerdicts
{
    private const string Savepoint = "registration_stages";

    /// <param name="loadRegistry">A fresh registry view of the batch (the judge changes the one it is given).</param>
    /// <param name="failedElsewhere">Invoices already failed before the rules run (a sandbox fault), by id.</param>
    /// <param name="goods">The virtual warehouse; null: only the registration rules run.</param>
    /// <param name="warehouseLines">The warehouse lines of the invoices that name any, by id (read once: every stage uses these lists).</param>
    public static async Task<List<InvoiceVerdict>> JudgeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        IReadOnlyList<CheckedInvoice> invoices, Func<Task<BatchRegistryView>> loadRegistry,
        IReadOnlyDictionary<long, IReadOnlyList<RuleViolation>> failedElsewhere, InvoiceGoods? goods,
        IReadOnlyDictionary<long, IReadOnlyList<WarehouseLineRef>> warehouseLines, CancellationToken cancellationToken)
    {
        var failedLate = new Dictionary<long, IReadOnlyList<RuleViolation>>(failedElsewhere);
        // One savepoint for every round: a rollback to it leaves it in place, and the commit releases it, so neither a second
        // SAVEPOINT nor a RELEASE costs a round trip.
        var saved = false;
        while (true)
        {
            var registry = await loadRegistry();
            var judged = invoices.Select(i => RegistrationJudge.Judge(i, registry, failedLate.GetValueOrDefault(i.InvoiceId))).ToList();
            if (goods is null)
            {
                return judged;
            }

            // The later stages write only for a passed invoice naming warehouse lines or correcting one (its original's goods come
            // back); otherwise they only read (VS-46, VS-47), and a late failure leaves nothing to roll back: no savepoint, so the
            // plain batch costs no round trip here (ADR 0033, 5).
            var mayWrite = judged.Any(v => v.Passed && (warehouseLines.ContainsKey(v.InvoiceId) || v.Cancels is not null));
            if (mayWrite && !saved)
            {
                await transaction.SaveAsync(Savepoint, cancellationToken);
                saved = true;
            }

            // Where the goods came from (ФНО 328.00 matched, not moved by the waybill already), before anything moves.
            var verdicts = await VerdictSources.JudgeAsync(connection, transaction, judged, warehouseLines, cancellationToken);
            // The virtual warehouse's checks and movements (only invoices naming warehouse lines, and corrections).
            verdicts = await VerdictGoods.MoveAsync(connection, transaction, goods, verdicts, warehouseLines, cancellationToken);
            if (ReferenceEquals(verdicts, judged))
            {
                // Neither stage failed anyone (the common case): the stages hand the batch's own list back, nothing to compare.
                return verdicts;
            }

            var passedRules = judged.Where(v => v.Passed).Select(v => v.InvoiceId).ToHashSet();
            var late = verdicts.Where(v => !v.Passed && passedRules.Contains(v.InvoiceId)).ToList();
            if (late.Count == 0 || invoices.Count == 1)
            {
                return verdicts;
            }

            // What the late failures recorded in the view may have decided others: undo their stages and judge the batch again
            // (only this round can have written since the savepoint or the last rollback to it).
            if (mayWrite)
            {
                await transaction.RollbackAsync(Savepoint, cancellationToken);
            }

            foreach (var verdict in late)
            {
                failedLate[verdict.InvoiceId] = verdict.Violations;
            }
        }
    }
}
