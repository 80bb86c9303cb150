using Dapper;
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
/// naming no warehouse line on a waybill costs no query.
/// </summary>
internal static class VerdictSources
{
    private static readonly string[] RegisteredStatuses = [.. FnoMatching.Registered.Select(s => s.ToWire())];

    public static async Task<List<InvoiceVerdict>> JudgeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<InvoiceVerdict> verdicts,
        IReadOnlyDictionary<long, string> warehouseLines, CancellationToken cancellationToken)
    {
        var judged = new List<Judged>();
        foreach (var verdict in verdicts)
        {
            if (!verdict.Passed || verdict.Document is not { } document)
            {
                continue;
            }

            var citations = InvoiceSourceChecks.FnoCitations(document.Body.ProductSet.Products);
            var waybill = warehouseLines.TryGetValue(verdict.InvoiceId, out var json) ? SntBasis.NumberOf(document.Body) : null;
            if (citations.Count > 0 || waybill is not null)
            {
                judged.Add(new Judged(verdict, citations, waybill is null ? [] : WarehouseLinesJson.Read(json), waybill));
            }
        }

        if (judged.Count == 0)
        {
            return verdicts;
        }

        var matched = await MatchedAsync(connection, transaction, [.. judged.SelectMany(j => j.Citations).Select(c => c.Number).Distinct()], cancellationToken);
        var waybills = await WaybillLinesAsync(connection, transaction,
            [.. judged.Select(j => j.Waybill).OfType<string>().Distinct()], cancellationToken);
        var refused = new Dictionary<long, List<RuleViolation>>();
        foreach (var j in judged)
        {
            var products = j.Verdict.Document!.Body.ProductSet.Products;
            var violations = InvoiceSourceChecks.CheckFnoMatched(j.Citations, matched).ToList();
            if (j.Waybill is not null && waybills.TryGetValue(j.Waybill, out var waybill))
            {
                violations.AddRange(InvoiceSourceChecks.CheckNotMovedByWaybill(products, j.Lines, waybill));
            }

            if (violations.Count > 0)
            {
                refused[j.Verdict.InvoiceId] = violations;
            }
        }

        return refused.Count == 0
            ? verdicts
            : [.. verdicts.Select(v => refused.TryGetValue(v.InvoiceId, out var violations) ? v with { Violations = violations, Cancels = null, Related = null } : v)];
    }

    /// <summary>The ФНО 328.00 positions of these numbers matched with a waybill still registered (read under the verdicts' transaction).</summary>
    private static async Task<HashSet<(string Number, int Position)>> MatchedAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string[] numbers, CancellationToken cancellationToken)
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
        NpgsqlConnection connection, NpgsqlTransaction transaction, string[] numbers, CancellationToken cancellationToken)
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

    /// <param name="Waybill">The registration number of the waybill the invoice is issued on, only when it also names warehouse lines.</param>
    private sealed record Judged(InvoiceVerdict Verdict, IReadOnlyList<FnoCitation> Citations, IReadOnlyList<WarehouseLineRef> Lines, string? Waybill);
}
