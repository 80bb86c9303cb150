using Esf.Infrastructure;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Hosting;

/// <summary>
/// The data source prepares the statements a connection repeats (Npgsql's auto-prepare), unless the operator's connection string
/// decides it: <c>Max Auto Prepare=0</c> (PgBouncer in transaction mode) must stay 0.
/// </summary>
[TestFixture]
public sealed class Preparing_repeated_statements
{
    [Test]
    public void Should_switch_auto_prepare_on_when_the_connection_string_is_silent()
    {
        var result = new NpgsqlConnectionStringBuilder(EsfServices.WithAutoPrepare("Host=127.0.0.1;Username=esf;Database=esf"));

        Assert.That(result.MaxAutoPrepare, Is.GreaterThan(0));
        Assert.That(result.Host, Is.EqualTo("127.0.0.1"));
    }

    [TestCase("Host=127.0.0.1;Max Auto Prepare=0", 0)]
    [TestCase("Host=127.0.0.1;MaxAutoPrepare=0", 0)]
    [TestCase("Host=127.0.0.1;Max Auto Prepare=10", 10)]
    public void Should_keep_what_the_connection_string_says(string connectionString, int expected)
    {
        var result = new NpgsqlConnectionStringBuilder(EsfServices.WithAutoPrepare(connectionString));

        Assert.That(result.MaxAutoPrepare, Is.EqualTo(expected));
    }
}
