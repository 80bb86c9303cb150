using Dapper;
using Esf.Infrastructure.Participants;
using Esf.Infrastructure.Sessions;
using Npgsql;

namespace Esf.Infrastructure.Sandbox;

/// <summary>Writes test taxpayers and users into the registry the control and the logins read, each in one transaction.</summary>
public sealed class SandboxRegistry(NpgsqlDataSource database)
{
    /// <summary>The categories a taxpayer can carry, as the registry's flags (special professions) and the СРП list.</summary>
    public static readonly IReadOnlyList<string> Categories = ["LAWYER", "NOTARY", "BAILIFF", "MEDIATOR", "SRP_PARTICIPANT"];

    /// <summary>False when a taxpayer with this ИИН/БИН already exists (nothing is written).</summary>
    public async Task<bool> AddTaxpayerAsync(TestTaxpayer taxpayer, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var added = await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO taxpayers (tin, name_ru, address_ru, is_resident, enterprise_type, vat_certificate_series, vat_certificate_num,
                                   kogd, registered_on, vat_registered_on, is_lawyer, is_notary, is_bailiff, is_mediator, head_office_tin)
            VALUES (@Tin, @Name, @Address, @Resident, @EnterpriseType, @Series, @Num, '6201', DATE '2020-01-01', @VatSince,
                    @Lawyer, @Notary, @Bailiff, @Mediator, @HeadOfficeTin)
            ON CONFLICT (tin) DO NOTHING
            """, new
        {
            taxpayer.Tin, taxpayer.Name, taxpayer.Address, taxpayer.Resident, EnterpriseType = EnterpriseTypeOf(taxpayer.Kind),
            Series = taxpayer.Vat?.CertificateSeries, Num = taxpayer.Vat?.CertificateNum, VatSince = taxpayer.Vat?.RegisteredOn,
            Lawyer = taxpayer.Categories.Contains("LAWYER"), Notary = taxpayer.Categories.Contains("NOTARY"),
            Bailiff = taxpayer.Categories.Contains("BAILIFF"), Mediator = taxpayer.Categories.Contains("MEDIATOR"), taxpayer.HeadOfficeTin,
        }, transaction, cancellationToken: cancellationToken)) == 1;
        if (!added)
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO bank_accounts (tin, iik, bik, kbe) SELECT @Tin, unnest(@Iiks), unnest(@Biks), unnest(@Kbes);
            INSERT INTO taxpayer_successors (reorganized_tin, successor_tin, kind, reorganized_on)
            SELECT @Tin, unnest(@Successors), unnest(@Kinds), DATE '2020-01-01';
            INSERT INTO srp_participants (tin) SELECT @Tin WHERE @Srp ON CONFLICT (tin) DO NOTHING;
            """, new
        {
            taxpayer.Tin,
            Iiks = taxpayer.BankAccounts.Select(a => a.Iik).ToArray(), Biks = taxpayer.BankAccounts.Select(a => a.Bik).ToArray(),
            Kbes = taxpayer.BankAccounts.Select(a => a.Kbe).ToArray(),
            Successors = taxpayer.Successors.Select(s => s.Tin).ToArray(), Kinds = taxpayer.Successors.Select(s => s.Kind).ToArray(),
            Srp = taxpayer.Categories.Contains("SRP_PARTICIPANT"),
        }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// A user (login = ИИН) with a password and a business profile (the rights) in each enterprise. False when the login exists
    /// or an enterprise is unknown (nothing is written).
    /// </summary>
    public async Task<bool> AddUserAsync(TestUser user, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var tins = user.Enterprises.Select(e => e.Tin).ToArray();
        var known = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT count(*) FROM taxpayers WHERE tin = ANY(@Tins)", new { Tins = tins }, transaction, cancellationToken: cancellationToken));
        var added = known == tins.Distinct().Count() && await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO users (login, password_hash, first_name, last_name) VALUES (@Login, @Hash, @FirstName, @LastName)
            ON CONFLICT (login) DO NOTHING
            """, new { user.Login, Hash = PasswordHasher.Hash(user.Password), user.FirstName, user.LastName }, transaction,
            cancellationToken: cancellationToken)) == 1;
        if (!added)
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO user_enterprises (login, tin, business_profile_type) SELECT @Login, unnest(@Tins), unnest(@Profiles)
            """, new { user.Login, Tins = tins, Profiles = user.Enterprises.Select(e => e.BusinessProfileType).ToArray() }, transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static string EnterpriseTypeOf(ParticipantKind kind) => kind switch
    {
        ParticipantKind.LegalEntity => "PRIVATE_ENTERPRISE",
        ParticipantKind.Entrepreneur => "INDIVIDUAL_ENTREPRENEUR",
        _ => "INDIVIDUAL",
    };
}
