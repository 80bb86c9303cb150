using System.Text.Json;

namespace Esf.Bench;

/// <summary>The change feed's lag as one consumer saw it: for each CREATED event, when it was read − its <c>changedAt</c>.</summary>
public sealed record FeedLag(int Events, double P50, double P99, double Max);

/// <summary>
/// Follows <c>GET /api/v1/updates?cursor=…</c> as one enterprise while the load runs, like an accounting system polling for news:
/// pages of up to 500, the next request at once while <c>hasMore</c>, else after <see cref="IdlePoll"/> (which bounds the lag
/// the polling itself adds). Gateway, bench and clock are on one machine, so read time − changedAt needs no clock sync.
/// </summary>
public sealed class FeedFollower(RestSender session)
{
    public static readonly TimeSpan IdlePoll = TimeSpan.FromMilliseconds(100);
    private readonly List<double> _lags = [];
    private string _cursor = "";

    /// <summary>Reads up to the feed's current end, so that only the changes made after it count.</summary>
    public async Task SkipToEndAsync(CancellationToken cancellationToken)
    {
        while (await ReadPageAsync(record: false, cancellationToken))
        {
        }
    }

    /// <summary>Follows the feed until <paramref name="stop"/> is cancelled.</summary>
    public async Task FollowAsync(CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                if (!await ReadPageAsync(record: true, stop))
                {
                    await Task.Delay(IdlePoll, stop);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The load is over.
        }
    }

    public FeedLag Lag()
    {
        var sorted = _lags.Order().ToArray();
        double At(double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return new FeedLag(sorted.Length, At(0.5), At(0.99), sorted.Length == 0 ? double.NaN : sorted[^1]);
    }

    /// <summary>One page; true when the feed says there is more.</summary>
    private async Task<bool> ReadPageAsync(bool record, CancellationToken cancellationToken)
    {
        using var request = session.Authorized(HttpMethod.Get, $"api/v1/updates?limit=500&cursor={Uri.EscapeDataString(_cursor)}");
        using var response = await session.Http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var now = DateTimeOffset.UtcNow;
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET /api/v1/updates answered {(int)response.StatusCode}: {text}");
        }

        using var page = JsonDocument.Parse(text);
        foreach (var e in page.RootElement.GetProperty("events").EnumerateArray())
        {
            if (record && e.GetProperty("status").GetString() == "CREATED")
            {
                _lags.Add((now - e.GetProperty("changedAt").GetDateTimeOffset()).TotalSeconds);
            }
        }

        _cursor = page.RootElement.GetProperty("cursor").GetString() ?? _cursor;
        return page.RootElement.GetProperty("hasMore").GetBoolean();
    }
}
