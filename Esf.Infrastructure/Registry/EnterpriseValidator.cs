using Dapper;
using Npgsql;

namespace Esf.Infrastructure.Registry;

/// <summary>
/// enterpriseValidation: checks each key against the taxpayer registry (active ИИН/БИН, VAT certificate), the banks and the
/// taxpayer's accounts, with three queries for the whole list. The first failing check names the result.
/// </summary>
public sealed class EnterpriseValidator(NpgsqlDataSource database)
{
    public async Task<IReadOnlyList<EnterpriseValidationResult>> ValidateAsync(IReadOnlyList<EnterpriseKey> keys, CancellationToken ct)
    {
        var tins = keys.Select(k => k.Tin.Trim()).Distinct().ToArray();
        await using var connection = await database.OpenConnectionAsync(ct);
        var taxpayers = (await connection.QueryAsync<(string Tin, string? Series, string? Num)>(new CommandDefinition(
                "SELECT tin, vat_certificate_series, vat_certificate_num FROM taxpayers WHERE tin = ANY(@Tins) AND deregistered_on IS NULL",
                new { Tins = tins }, cancellationToken: ct)))
            .ToDictionary(t => t.Tin, StringComparer.Ordinal);
        var accounts = (await connection.QueryAsync<(string Tin, string Iik, string Bik)>(new CommandDefinition(
            "SELECT tin, iik, bik FROM bank_accounts WHERE tin = ANY(@Tins)", new { Tins = tins }, cancellationToken: ct))).ToList();
        var biks = keys.Select(k => k.Bik?.Trim()).OfType<string>().Where(b => b.Length > 0).Distinct().ToArray();
        var banks = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT bik FROM banks WHERE bik = ANY(@Biks)", new { Biks = biks }, cancellationToken: ct))).ToHashSet(StringComparer.Ordinal);

        return keys.Select(k => new EnterpriseValidationResult(k.Tin, Judge(k, taxpayers, accounts, banks))).ToList();
    }

    private static string Judge(
        EnterpriseKey key, Dictionary<string, (string Tin, string? Series, string? Num)> taxpayers,
        List<(string Tin, string Iik, string Bik)> accounts, HashSet<string> banks)
    {
        if (!taxpayers.TryGetValue(key.Tin.Trim(), out var taxpayer))
        {
            return "TIN_ABSENT";
        }

        if (taxpayer.Series != key.CertificateSeries.Trim() || taxpayer.Num != key.CertificateNum.Trim())
        {
            return "CERTIFICATE_SERIES_OR_CERTIFICATE_NUM_ABSENT";
        }

        var bik = key.Bik?.Trim();
        if (!string.IsNullOrEmpty(bik) && !banks.Contains(bik))
        {
            return "BANK_NOT_FOUND";
        }

        if (string.IsNullOrWhiteSpace(key.Iik))
        {
            return "SUCCESS";
        }

        var account = accounts.FirstOrDefault(a => a.Tin == taxpayer.Tin && a.Iik == key.Iik.Trim());
        return account.Iik is null ? "IIK_ABSENT" : !string.IsNullOrEmpty(bik) && account.Bik != bik ? "BIK_ABSENT" : "SUCCESS";
    }
}
