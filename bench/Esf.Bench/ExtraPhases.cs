namespace Esf.Bench;

/// <summary>
/// The phases beyond the main load (issue 6's "also"): a change-feed consumer that runs during the load, then — with the
/// services still up — a run paced at half the measured maximum and the export of generated invoices.
/// </summary>
public sealed class ExtraPhases(Options options, Stack stack, HttpClient http, IScenario scenario, MachineWatch watch, Action<string> log)
{
    private FeedFollower? _follower;
    private Task? _following;
    private CancellationTokenSource? _stopFollowing;
    private MachineSnapshot? _feedStart;

    /// <summary>
    /// With --feed: a consumer of <paramref name="enterprise"/> (a colleague of its sender, since a user has one session at a time)
    /// reads up to the feed's end, then follows it in the background.
    /// </summary>
    public async Task StartFeedAsync(Sender enterprise, Esf.Infrastructure.Registry.RegistryWriter registry, CancellationToken cancellationToken)
    {
        if (!options.Feed)
        {
            return;
        }

        var session = new RestSender(http, await InvoiceFactory.CreateColleagueAsync(registry, enterprise, cancellationToken), scenario);
        await session.OpenAsync(cancellationToken);
        _follower = new FeedFollower(session);
        await _follower.SkipToEndAsync(cancellationToken);
        _stopFollowing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _feedStart = watch.Snapshot();
        _following = _follower.FollowAsync(_stopFollowing.Token);
    }

    /// <summary>Stops the consumer once every verdict is in, after one more idle poll so that the last events are read.</summary>
    public async Task<(FeedLag? Lag, bool Disturbed)> StopFeedAsync()
    {
        if (_follower is null || _following is null || _stopFollowing is null || _feedStart is null)
        {
            return (null, false);
        }

        await Task.Delay(FeedFollower.IdlePoll * 5);
        await _stopFollowing.CancelAsync();
        await _following;
        _stopFollowing.Dispose();
        return (_follower.Lag(), watch.Snapshot().Since(_feedStart).Disturbed);
    }

    /// <summary>--full: the same number of new invoices, paced at half of <paramref name="maximum"/> registered/s.</summary>
    public async Task<PacedRun?> PacedRunAsync(LoadGenerator load, IReadOnlyList<Sender> senders, double maximum, CancellationToken cancellationToken)
    {
        if (!options.HalfRateRun)
        {
            return null;
        }

        var rate = Math.Max(1, Math.Round(maximum / 2));
        var invoices = scenario.CreateSigned(senders, options.Invoices, firstNum: 3_000_000);
        var payloads = load.Payloads(invoices, options.Batch);
        var afterId = await load.MaxInvoiceIdAsync(cancellationToken);
        GC.Collect();
        log($"Paced run: {options.Invoices} new invoices at {rate:0}/s (half of the {maximum:0} registered/s just measured)");
        var start = watch.Snapshot();
        var result = await load.RunAsync(payloads, afterId, log, cancellationToken, rate, options.Invoices);
        var window = watch.Snapshot().Since(start);
        return new PacedRun(rate, rate / maximum, result, window.Others, window.Disturbed);
    }

    /// <summary>--export-invoices N: generates N invoices of <paramref name="seller"/> in SQL and exports them over HTTP.</summary>
    public async Task<ExportResult?> ExportAsync(Sender seller, CancellationToken cancellationToken)
    {
        if (options.ExportInvoices <= 0)
        {
            return null;
        }

        var session = new RestSender(http, seller, scenario);
        await session.OpenAsync(cancellationToken);
        log($"Export: generating {options.ExportInvoices} invoices of one seller in SQL, then GET /api/v1/exports?format={options.ExportFormat}");
        var result = await ExportBench.RunAsync(stack, session, options.ExportInvoices, options.ExportFormat, watch, log, cancellationToken);
        await session.CloseAsync(cancellationToken);
        return result;
    }
}
