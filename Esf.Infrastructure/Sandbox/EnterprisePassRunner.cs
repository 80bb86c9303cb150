using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Esf.Infrastructure.Sandbox;

/// <summary>
/// A background service that, pass after pass, does the work that is due for every enterprise with work pending, each on its
/// own clock (its sandbox world, ADR 0023): the loop the waybill effects and the deadline reminders share. A failed pass is
/// logged and the next one tries again; a pass comes every 30 seconds, and at once when the sandbox moves a clock
/// (<see cref="SandboxClock.NextMove"/>: a due time may have been crossed).
/// </summary>
public abstract class EnterprisePassRunner(NpgsqlDataSource database, TimeProvider clock, ILogger logger) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(30);

    protected NpgsqlDataSource Database { get; } = database;

    /// <summary>The application clock: inside <see cref="RunForAsync"/> it reads the enterprise's world.</summary>
    protected TimeProvider Clock { get; } = clock;

    protected ILogger Logger { get; } = logger;

    /// <summary>The SQL that answers the ИИН/БИН of every enterprise with pending work, one a row.</summary>
    protected abstract string PendingTinsSql { get; }

    /// <summary>What a pass does, for the warning when one fails (e.g. "Applying due waybill effects").</summary>
    protected abstract string PassName { get; }

    /// <summary>One enterprise's due work, already in its <see cref="EnterpriseScope"/> (so <see cref="Clock"/> reads its world).</summary>
    /// <returns>How many items it did.</returns>
    protected abstract Task<int> RunForAsync(string tin, CancellationToken cancellationToken);

    /// <returns>How many items this pass did, over every enterprise.</returns>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        List<string> tins;
        await using (var connection = await Database.OpenConnectionAsync(cancellationToken))
        {
            tins = (await connection.QueryAsync<string>(new CommandDefinition(PendingTinsSql, cancellationToken: cancellationToken))).AsList();
        }

        var done = 0;
        foreach (var tin in tins)
        {
            done += await InScopeAsync(tin, cancellationToken);
        }

        return done;
    }

    /// <summary>The scope begun here ends with this method, so the next enterprise does not run on this one's clock.</summary>
    private async Task<int> InScopeAsync(string tin, CancellationToken cancellationToken)
    {
        EnterpriseScope.Begin(tin);
        return await RunForAsync(tin, cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Logger.LogWarning(e, "{Pass} failed; retrying on the next pass", PassName);
            }

            await NextPassAsync(stoppingToken);
        }
    }

    /// <summary>Waits for the next pass: the period, or less when the sandbox moves a world's clock.</summary>
    private async Task NextPassAsync(CancellationToken stoppingToken)
    {
        var period = Task.Delay(Period, Clock, stoppingToken);
        if (Clock is SandboxClock sandbox)
        {
            // WhenAny does not throw: a stop ends the loop through stoppingToken.
            await Task.WhenAny(period, sandbox.NextMove);
        }
        else
        {
            await period;
        }
    }
}
