using Dapper;
using Esf.Domain.Invoices;
using Esf.Domain.Rules;
using Esf.Domain.Rules.Registration.Snt;
using Esf.Domain.Warehouse;
using Esf.Domain.Waybills;
using Esf.Domain.Waybills.Document;
using Esf.Infrastructure.Warehouse;
using Esf.Infrastructure.Xml;
using Npgsql;

namespace Esf.Infrastructure.Registration;

/// <summary>
/// Where a batch's invoices say their goods came from, judged in the verdicts' transaction before any goods move
/// (<see cref="InvoiceSourceRules"/>): a ФНО 328.00 named in G15/G16 must be matched with its import waybill (VS-46), and an invoice
/// issued on a waybill does not move through the warehouse the goods that waybill moved (VS-47). A batch citing no ФНО 328.00 and
/// naming no warehouse line on a waybill costs no query. The dry run asks the same (<see cref="CheckAsync"/>), so it reports them too.
/// </summary>
internal static class VerdictSources
{
    private static readonly string[] RegisteredStatuses = [.. FnoMatching.Registered.Select(s => s.ToWire())];

    public static async Task<List<InvoiceVerdict>> JudgeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<InvoiceVerdict> verdicts,
        IReadOnlyDictionary<long, IReadOnlyList<WarehouseLineRef>> warehouseLines, CancellationToken cancellationToken)
    {
        var refused = await RefusalsAsync(connection, transaction,
            verdicts.Where(v => v.Passed && v.Document is not null).Select(v => new SourcedInvoice(v.InvoiceId, v.Document!,
                warehouseLines.GetValueOrDefault(v.InvoiceId, []))),
            cancellationToken);
        return refused.Count == 0
            ? verdicts
            : [.. verdicts.Select(v => refused.TryGetValue(v.InvoiceId, out var violations) ? v with { Violations = violations, Cancels = null, Related = null } : v)];
    }

    /// <summary>
    /// The dry run's judgement of one invoice that passed the rest of the control (<see cref="InvoiceValidator"/>): the same facts and
    /// checks as the worker's, read outside any transaction (nothing is locked: nothing will move).
    /// </summary>
    public static async Task<IReadOnlyList<RuleViolation>> CheckAsync(NpgsqlConnection connection, InvoiceDocument document,
        IReadOnlyList<WarehouseLineRef> warehouseLines, CancellationToken cancellationToken) =>
        (await RefusalsAsync(connection, null, [new SourcedInvoice(0, document, warehouseLines)], cancellationToken)).TryGetValue(0, out var violations)
            ? violations
            : [];

    /// <summary>The violations of VS-46 and VS-47 of each invoice that has any, by its id.</summary>
    private static async Task<Dictionary<long, List<RuleViolation>>> RefusalsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction,
        IEnumerable<SourcedInvoice> invoices, CancellationToken cancellationToken)
    {
        var judged = new List<Judged>();
        foreach (var invoice in invoices)
        {
            var citations = InvoiceSourceChecks.FnoCitations(invoice.Document.Body.ProductSet.Products);
            var waybill = invoice.WarehouseLines.Count > 0 ? SntBasis.NumberOf(invoice.Document.Body) : null;
            if (citations.Count > 0 || waybill is not null)
            {
                judged.Add(new Judged(invoice, citations, waybill));
            }
        }

        var refused = new Dictionary<long, List<RuleViolation>>();
        if (judged.Count == 0)
        {
            return refused;
        }

        var matched = await MatchedAsync(connection, transaction, [.. judged.SelectMany(j => j.Citations).Select(c => c.Number).Distinct()], cancellationToken);
        var waybills = await WaybillLinesAsync(connection, transaction,
            [.. judged.Select(j => j.Waybill).OfType<string>().Distinct()], cancellationToken);
        foreach (var j in judged)
        {
            var violations = InvoiceSourceChecks.CheckFnoMatched(j.Citations, matched).ToList();
            if (j.Waybill is not null && waybills.TryGetValue(j.Waybill, out var waybill))
            {
                violations.AddRange(InvoiceSourceChecks.CheckNotMovedByWaybill(j.Invoice.Document.Body.ProductSet.Products, j.Invoice.WarehouseLines, waybill));
            }

            if (violations.Count > 0)
            {
                refused[j.Invoice.Id] = violations;
            }
        }

        return refused;
    }

    /// <summary>The ФНО 328.00 positions of these numbers matched with a waybill still registered (read under the verdicts' transaction).</summary>
    private static async Task<HashSet<(string Number, int Position)>> MatchedAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string[] numbers, CancellationToken cancellationToken)
    {
        if (numbers.Length == 0)
        {
            return [];
        }

        var rows = await connection.QueryAsync<(string Number, int Position)>(new CommandDefinition("""
            SELECT DISTINCT m.fno_number, m.fno_position FROM fno_matchings m JOIN waybills w ON w.waybill_id = m.waybill_id
            WHERE m.fno_number = ANY(@Numbers) AND w.status = ANY(@Statuses)
            """, new { Numbers = numbers, Statuses = RegisteredStatuses }, transaction, cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>The lines of the registered waybills these invoices with warehouse lines are issued on (32.1), by registration number.</summary>
    private static async Task<Dictionary<string, IReadOnlyList<WaybillProduct>>> WaybillLinesAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string[] numbers, CancellationToken cancellationToken)
    {
        if (numbers.Length == 0)
        {
            return [];
        }

        var rows = await connection.QueryAsync<(string Number, string Body)>(new CommandDefinition(
            "SELECT registration_number, body FROM waybills WHERE registration_number = ANY(@Numbers)", new { Numbers = numbers }, transaction,
            cancellationToken: cancellationToken));
        return rows.Select(r => (r.Number, Document: WaybillBodyReader.Read(r.Body).Document)).Where(r => r.Document is not null)
            .ToDictionary(r => r.Number, r => (IReadOnlyList<WaybillProduct>)r.Document!.Body.ProductSet.Products);
    }

    /// <summary>
    /// An invoice to judge: its id (the caller's key), its body and the warehouse lines it names (empty: none). A struct, so that the
    /// plain path allocates nothing per invoice.
    /// </summary>
    private readonly record struct SourcedInvoice(long Id, InvoiceDocument Document, IReadOnlyList<WarehouseLineRef> WarehouseLines);

    /// <param name="Waybill">The registration number of the waybill the invoice is issued on, only when it also names warehouse lines.</param>
    private sealed record Judged(SourcedInvoice Invoice, IReadOnlyList<FnoCitation> Citations, string? Waybill);
}
