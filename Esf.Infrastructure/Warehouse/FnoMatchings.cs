using Dapper;
using Esf.Domain.Employees;
using Esf.Domain.Rules;
using Esf.Domain.Warehouse;
using Esf.Domain.Waybills;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Sessions;
using Esf.Infrastructure.Waybills;
using Esf.Infrastructure.Xml;
using Npgsql;

namespace Esf.Infrastructure.Warehouse;

/// <summary>
/// The importer's matching of a primary import waybill with its ФНО 328.00 positions (<see cref="FnoMatching"/>): judged and
/// stored in one transaction that locks the waybill and the positions, so two matchings drawing one position cannot together
/// take more than it holds. The waybill is found through the waybill tenant predicate (another enterprise's is «not found»);
/// only its buyer, the importer, matches it. Matching needs the employee right SIGN (the importer's act reported to the system,
/// like a transfer), reading it VIEW (ADR 0037 amendment).
/// </summary>
public sealed class FnoMatchings(NpgsqlDataSource database, TimeProvider clock)
{
    public const string AccessDenied = "FNO_MATCHING_ACCESS_DENIED";

    public async Task<IReadOnlyList<FnoMatchingRecord>> MatchAsync(
        SessionContext session, long waybillId, IReadOnlyList<FnoMatchLine> lines, CancellationToken cancellationToken)
    {
        session.Demand(EmployeeRight.Sign);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var waybill = await connection.QuerySingleOrDefaultAsync<MatchedWaybill>(new CommandDefinition($"""
            SELECT w.status AS Status, w.customer_tin AS CustomerTin, w.body AS Body FROM waybills w
            WHERE w.waybill_id = @Id AND {WaybillVisibility.Predicate} FOR UPDATE
            """, new { Id = waybillId, session.Tin }, transaction, cancellationToken: cancellationToken))
            ?? throw NotFound(waybillId);
        if (waybill.CustomerTin != session.Tin)
        {
            throw new EsfException(EsfFaultKind.AccessDenied,
                "Сопоставление с ФНО 328.00 выполняет только получатель СНТ (импортёр).", AccessDenied);
        }

        var document = WaybillBodyReader.Read(waybill.Body).Document
            ?? throw new InvalidOperationException($"The stored waybill {waybillId} cannot be read.");
        var alreadyMatched = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM fno_matchings WHERE waybill_id = @Id)", new { Id = waybillId }, transaction, cancellationToken: cancellationToken));
        var positions = await PositionsAsync(connection, transaction, session.Tin, lines, cancellationToken);
        var violations = FnoMatching.Check(document, WaybillStatusNames.Parse(waybill.Status), alreadyMatched, lines, positions);
        if (violations.Count > 0)
        {
            throw EsfException.Business(string.Join("; ", violations.Select(v => $"{v.RuleId}: {v.Message} ({v.Property})")), violations[0].ErrorCode);
        }

        var quantities = document.Body.ProductSet.Products.ToDictionary(p => p.Key, p => p.Quantity ?? 0m);
        var now = clock.GetUtcNow().UtcDateTime;
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO fno_matchings (waybill_id, section, position, importer_tin, fno_number, fno_position, quantity, matched_by, matched_at)
            VALUES (@WaybillId, @Section, @Position, @Tin, @FnoNumber, @FnoPosition, @Quantity, @Login, @Now)
            """, lines.Select(l => new
        {
            WaybillId = waybillId, l.Section, l.Position, session.Tin, l.FnoNumber, l.FnoPosition, Quantity = quantities[l.LineKey], session.Login,
            Now = now,
        }), transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return await RecordsAsync(connection, waybillId, cancellationToken);
    }

    /// <summary>The matching of a waybill the session's enterprise can see; empty when it was not matched.</summary>
    public async Task<IReadOnlyList<FnoMatchingRecord>> ListAsync(SessionContext session, long waybillId, CancellationToken cancellationToken)
    {
        session.Demand(EmployeeRight.View);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var visible = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            $"SELECT EXISTS (SELECT 1 FROM waybills w WHERE w.waybill_id = @Id AND {WaybillVisibility.Predicate})", new { Id = waybillId, session.Tin },
            cancellationToken: cancellationToken));
        if (!visible)
        {
            throw NotFound(waybillId);
        }

        return await RecordsAsync(connection, waybillId, cancellationToken);
    }

    /// <summary>The stored matching of a waybill: shared by the matching itself, which needs no VIEW to answer what it stored.</summary>
    private static async Task<IReadOnlyList<FnoMatchingRecord>> RecordsAsync(NpgsqlConnection connection, long waybillId, CancellationToken cancellationToken) =>
        [.. await connection.QueryAsync<FnoMatchingRecord>(new CommandDefinition("""
            SELECT section, position, fno_number, fno_position, quantity, matched_by, matched_at FROM fno_matchings
            WHERE waybill_id = @Id ORDER BY section, position
            """, new { Id = waybillId }, cancellationToken: cancellationToken))];

    /// <summary>The importer's ФНО 328.00 positions the lines name, locked in key order, with what earlier matchings took of each.</summary>
    private static async Task<Dictionary<(string Number, int Position), FnoPositionFacts>> PositionsAsync(NpgsqlConnection connection,
        NpgsqlTransaction transaction, string importerTin, IReadOnlyList<FnoMatchLine> lines, CancellationToken cancellationToken)
    {
        var numbers = lines.Select(l => l.FnoNumber).Distinct().ToArray();
        var rows = await connection.QueryAsync<FnoPositionFacts>(new CommandDefinition("""
            SELECT g.source_number AS Number, g.source_position AS Position, g.tnved_code AS TnvedCode, g.unit AS Unit, g.quantity AS Quantity,
                   0::numeric AS Matched
            FROM goods_sources g
            WHERE g.source_kind = 'FNO_328' AND g.importer_tin = @Tin AND g.source_number = ANY(@Numbers)
            ORDER BY g.source_number, g.source_position FOR UPDATE
            """, new { Tin = importerTin, Numbers = numbers }, transaction, cancellationToken: cancellationToken));
        var matched = (await connection.QueryAsync<(string Number, int Position, decimal Quantity)>(new CommandDefinition("""
            SELECT fno_number, fno_position, sum(quantity) FROM fno_matchings WHERE fno_number = ANY(@Numbers) GROUP BY fno_number, fno_position
            """, new { Numbers = numbers }, transaction, cancellationToken: cancellationToken))).ToDictionary(m => (m.Number, m.Position), m => m.Quantity);
        return rows.ToDictionary(r => (r.Number, r.Position), r => r with { Matched = matched.GetValueOrDefault((r.Number, r.Position)) });
    }

    private static EsfException NotFound(long waybillId) =>
        EsfException.NotFound($"СНТ с идентификатором {waybillId} не найдена.", WaybillStatusChanger.NotFound);

    private sealed record MatchedWaybill(string Status, string? CustomerTin, string Body);
}

/// <summary>One matched line: the waybill line (section/position), the ФНО 328.00 position, the quantity, who matched it and when.</summary>
public sealed record FnoMatchingRecord(
    int Section, int Position, string FnoNumber, int FnoPosition, decimal Quantity, string MatchedBy, DateTime MatchedAt);
