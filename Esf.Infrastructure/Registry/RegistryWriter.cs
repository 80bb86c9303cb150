using Dapper;
using Esf.Infrastructure.Sessions;
using Npgsql;

namespace Esf.Infrastructure.Registry;

/// <summary>Adds taxpayers, their bank accounts, users and their enterprises to the registry; each call is idempotent by key.</summary>
public sealed class RegistryWriter(NpgsqlDataSource database)
{
    /// <summary>A taxpayer registered since 2020, a VAT payer since then unless <paramref name="vatPayer"/> is false.</summary>
    public async Task AddTaxpayerAsync(
        string tin, string nameRu, string? addressRu = null, bool resident = true, CancellationToken cancellationToken = default, bool vatPayer = true)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO taxpayers (tin, name_ru, address_ru, is_resident, registered_on, kogd, vat_registered_on)
            VALUES (@Tin, @NameRu, @AddressRu, @Resident, DATE '2020-01-01', '6201', CASE WHEN @VatPayer THEN DATE '2020-01-01' END)
            ON CONFLICT (tin) DO NOTHING
            """, new { Tin = tin, NameRu = nameRu, AddressRu = addressRu, Resident = resident, VatPayer = vatPayer }, cancellationToken: cancellationToken));
    }

    /// <summary>A bank account of the taxpayer (registry «bank-accounts»); an imported one is never overwritten.</summary>
    public async Task AddBankAccountAsync(string tin, string iik, string bik, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO bank_accounts (tin, iik, bik) VALUES (@Tin, @Iik, @Bik) ON CONFLICT (tin, iik) DO NOTHING",
            new { Tin = tin, Iik = iik, Bik = bik }, cancellationToken: cancellationToken));
    }

    /// <summary>A user (login = ИИН) with a password, allowed to act for <paramref name="tin"/> in the given profile.</summary>
    public async Task AddUserAsync(
        string login, string password, string tin, string businessProfileType, string? firstName = null, string? lastName = null,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO users (login, password_hash, first_name, last_name) VALUES (@Login, @PasswordHash, @FirstName, @LastName)
            ON CONFLICT (login) DO NOTHING;
            INSERT INTO user_enterprises (login, tin, business_profile_type) VALUES (@Login, @Tin, @Profile)
            ON CONFLICT (login, tin) DO NOTHING;
            """, new
        {
            Login = login, PasswordHash = PasswordHasher.Hash(password), FirstName = firstName, LastName = lastName, Tin = tin,
            Profile = businessProfileType,
        }, cancellationToken: cancellationToken));
    }
}
