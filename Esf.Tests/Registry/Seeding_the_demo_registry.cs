using Dapper;
using Esf.Infrastructure.Registry;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Registry;

/// <summary>
/// The demo seed runs on every start of a demo process. It adds the dictionaries' missing rows and never overwrites a row an
/// operator imported (security review H6: the seed used to upsert, resetting imported VAT rates, banks and so on).
/// </summary>
[TestFixture]
public sealed class Seeding_the_demo_registry
{
    private const string Bank = "NBRKKZKX";

    [Test]
    public async Task Should_keep_an_imported_row_when_the_seed_runs_again()
    {
        // Arrange: the seed ran once (this test must not rely on another having run it), then the operator renamed a bank it lists.
        await SeedAsync();
        var seeded = await BankNameAsync();
        var (status, body) = await Importing_registries_from_csv.PostAsync("banks", $"bik,name_ru\n{Bank},Импортировано оператором\n");
        Assert.That(status, Is.EqualTo(System.Net.HttpStatusCode.OK), body.ToString());

        try
        {
            // Act: the next start of a demo process.
            await SeedAsync();

            // Assert
            Assert.That(await BankNameAsync(), Is.EqualTo("Импортировано оператором"));
        }
        finally
        {
            await Importing_registries_from_csv.PostAsync("banks", $"bik,name_ru\n{Bank},\"{seeded}\"\n");
        }
    }

    private static Task SeedAsync() => new RegistrySeed(RegistryGateway.Fixture.Get<RegistryImporter>()).ImportAsync(CancellationToken.None);

    private static async Task<string> BankNameAsync()
    {
        await using var connection = await RegistryGateway.Fixture.Get<NpgsqlDataSource>().OpenConnectionAsync();
        return await connection.QuerySingleAsync<string>("SELECT name_ru FROM banks WHERE bik = @Bank", new { Bank });
    }
}
