using Dapper;
using Npgsql;

namespace Esf.Infrastructure.Registry;

/// <summary>
/// LIQ-01 and LIQ-02: a delegation to issue invoices for a liquidated branch is checked against the taxpayer registry before it is
/// imported (one query over every ИИН/БИН of the file). Only the branch's head office may grant it (LIQ-01); the branch must be a
/// structural unit of that head office deregistered for «Ликвидация», and the delegate an active structural unit of the same head
/// office or the head office itself (LIQ-02). A failing line is rejected by its line number with the rule id in the reason.
/// </summary>
internal static class DelegationCheck
{
    public const string Liquidation = "Ликвидация";

    public static async Task<List<(int Line, object?[] Row)>> KeepValidAsync(
        NpgsqlDataSource database, List<RegistryColumn> columns, List<(int Line, object?[] Row)> lines, List<RejectedLine> rejected,
        CancellationToken ct)
    {
        int Index(string name) => columns.FindIndex(c => c.Name == name);
        var (branch, grantee, head) = (Index("liquidated_tin"), Index("delegate_tin"), Index("head_office_tin"));
        var tins = lines.SelectMany(l => new[] { l.Row[branch], l.Row[grantee], l.Row[head] }).OfType<string>().Distinct().ToArray();
        await using var connection = await database.OpenConnectionAsync(ct);
        var known = await KnownAsync(connection, tins, ct);

        var valid = new List<(int Line, object?[] Row)>();
        foreach (var line in lines)
        {
            var (b, d, h) = ((string)line.Row[branch]!, (string)line.Row[grantee]!, (string)line.Row[head]!);
            var reason = Problem(known.GetValueOrDefault(b), known.GetValueOrDefault(d), h, b, d);
            if (reason is null)
            {
                valid.Add(line);
            }
            else
            {
                rejected.Add(new RejectedLine(line.Line, reason));
            }
        }

        return valid;
    }

    /// <summary>
    /// Why <paramref name="headOffice"/> may not delegate issuing for the liquidated <paramref name="branchTin"/> to
    /// <paramref name="delegateTin"/> (LIQ-01, LIQ-02; the text starts with the rule id); null when it may. The API's
    /// delegations (ADR 0037) are judged by the same rules as the imported ones.
    /// </summary>
    public static async Task<string?> ProblemAsync(
        NpgsqlConnection connection, string headOffice, string branchTin, string delegateTin, CancellationToken ct)
    {
        var known = await KnownAsync(connection, [branchTin, delegateTin], ct);
        return Problem(known.GetValueOrDefault(branchTin), known.GetValueOrDefault(delegateTin), headOffice, branchTin, delegateTin);
    }

    private static async Task<Dictionary<string, Taxpayer>> KnownAsync(NpgsqlConnection connection, string[] tins, CancellationToken ct) =>
        (await connection.QueryAsync<Taxpayer>(new CommandDefinition("""
                SELECT tin AS Tin, head_office_tin AS Head, deregistered_on AS Deregistered, deregistration_reason AS Reason
                FROM taxpayers WHERE tin = ANY(@Tins)
                """,
                new { Tins = tins }, cancellationToken: ct)))
            .ToDictionary(t => t.Tin, StringComparer.Ordinal);

    private static string? Problem(Taxpayer? branch, Taxpayer? grantee, string head, string branchTin, string delegateTin)
    {
        if (branch is null)
        {
            return $"LIQ-02: the liquidated branch {branchTin} is not in the taxpayer registry";
        }

        if (branch.Head != head)
        {
            return $"LIQ-01: only the head office of branch {branchTin} ({branch.Head ?? "none"}) may grant the delegation, not {head}";
        }

        if (branch.Deregistered is null || branch.Reason?.Trim().StartsWith(Liquidation, StringComparison.OrdinalIgnoreCase) != true)
        {
            return $"LIQ-02: branch {branchTin} is not deregistered with the reason «{Liquidation}»";
        }

        return grantee is null || grantee.Deregistered is not null || (grantee.Head != head && grantee.Tin != head)
            ? $"LIQ-02: the delegate {delegateTin} is not an active structural unit of the head office {head}"
            : null;
    }

    private sealed record Taxpayer(string Tin, string? Head, DateOnly? Deregistered, string? Reason);
}
