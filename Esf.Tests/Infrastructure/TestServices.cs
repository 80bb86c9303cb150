using Esf.Infrastructure.Persistence;
using NUnit.Framework;

namespace Esf.Tests;

/// <summary>
/// The outside services of the whole test assembly (root namespace, so it runs once before every test):
/// PostgreSQL and RabbitMQ.
/// </summary>
/// <remarks>
/// <para>PostgreSQL: the connection string in <c>ESF_TEST_POSTGRES</c>, else a private cluster started here under
/// <c>&lt;repo&gt;/.esf/test/pg</c> and stopped after the run.</para>
/// <para>RabbitMQ: the AMQP URI in <c>ESF_TEST_RABBITMQ</c> (scripts/test.sh starts a private broker and sets it).
/// Without it, tests calling <see cref="RequireRabbitMq"/> are ignored locally and the run fails under CI.</para>
/// </remarks>
[SetUpFixture]
public sealed class TestServices
{
    public const string PostgresVariable = "ESF_TEST_POSTGRES";
    public const string RabbitMqVariable = "ESF_TEST_RABBITMQ";

    private static PrivatePostgresCluster? s_cluster;
    private static string? s_postgresProblem;

    /// <summary>Null only outside CI when no PostgreSQL could be had; see <see cref="RequirePostgres"/>.</summary>
    public static string? PostgresConnectionString { get; private set; }

    /// <summary>Null when <c>ESF_TEST_RABBITMQ</c> is not set (outside CI); see <see cref="RequireRabbitMq"/>.</summary>
    public static string? RabbitMqUri { get; private set; }

    /// <summary>True under CI (<c>CI=true</c>): missing services fail the run instead of ignoring tests.</summary>
    public static bool IsCi =>
        Environment.GetEnvironmentVariable("CI") is { } ci
        && (ci.Equals("true", StringComparison.OrdinalIgnoreCase) || ci == "1");

    /// <summary>The folder holding Esf.sln, found by walking up from the test assembly's folder.</summary>
    public static string RepositoryRoot => FindRepositoryRoot(TestContext.CurrentContext.TestDirectory);

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        RabbitMqUri = NonEmpty(Environment.GetEnvironmentVariable(RabbitMqVariable));
        if (RabbitMqUri is null && IsCi)
        {
            Assert.Fail(
                $"{RabbitMqVariable} is not set: under CI the RabbitMQ tests must run. "
                + $"Run the tests through scripts/test.sh, which starts a private RabbitMQ and sets {RabbitMqVariable}.");
        }

        if (RabbitMqUri is null)
        {
            await TestContext.Progress.WriteLineAsync(
                $"{RabbitMqVariable} is not set: RabbitMQ tests will be ignored (scripts/test.sh sets it).");
        }

        var postgres = NonEmpty(Environment.GetEnvironmentVariable(PostgresVariable));
        if (postgres is not null)
        {
            PostgresConnectionString = postgres;
            return;
        }

        var folder = Path.Combine(RepositoryRoot, ".esf", "test", "pg");
        try
        {
            s_cluster = await PrivatePostgresCluster.StartAsync(
                folder, PrivatePostgresCluster.DefaultDatabase, message => TestContext.Progress.WriteLine($"[pg] {message}"),
                CancellationToken.None);
            PostgresConnectionString = s_cluster.ConnectionString;
        }
        catch (Exception e) when (!IsCi)
        {
            // Locally, tests that need no database still run; those calling RequirePostgres() are ignored.
            s_postgresProblem = $"No private PostgreSQL (under {folder}): {e.Message} Set {PostgresVariable} to use another server.";
            await TestContext.Progress.WriteLineAsync(s_postgresProblem);
        }
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        var cluster = s_cluster;
        s_cluster = null;
        // A cluster that was already running belongs to someone else (another run, a developer): leave it alone.
        if (cluster is not null && !cluster.WasAlreadyRunning)
        {
            await cluster.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>The PostgreSQL connection string; ignores the calling test when there is none (never under CI).</summary>
    public static string RequirePostgres()
    {
        if (PostgresConnectionString is { } connectionString)
        {
            return connectionString;
        }

        var reason = s_postgresProblem ?? $"PostgreSQL is not available ({PostgresVariable} not set).";
        if (IsCi)
        {
            Assert.Fail(reason);
        }

        Assert.Ignore(reason);
        return "";
    }

    /// <summary>
    /// The AMQP URI of the test RabbitMQ. Without one (<c>ESF_TEST_RABBITMQ</c> unset) the calling test is ignored,
    /// or fails under CI.
    /// </summary>
    public static string RequireRabbitMq()
    {
        if (RabbitMqUri is { } uri)
        {
            return uri;
        }

        var reason = $"RabbitMQ is not available: {RabbitMqVariable} is not set (scripts/test.sh starts one and sets it).";
        if (IsCi)
        {
            Assert.Fail(reason);
        }

        Assert.Ignore(reason);
        return "";
    }

    private static string FindRepositoryRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Esf.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"Esf.sln not found in {start} or any folder above it.");
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
