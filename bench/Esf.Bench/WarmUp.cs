namespace Esf.Bench;

/// <summary>One warm-up round: its documents, the services' CPU per document, and what they JIT-compiled during it.</summary>
public sealed record WarmUpRound(int Documents, double GatewayMicros, double WorkerMicros, JitCount GatewayJit, JitCount WorkerJit)
{
    public double ServicesMicros => GatewayMicros + WorkerMicros;
}

/// <summary>The warm-up of one run: its rounds, and whether the services' CPU per document had settled when the clock started.</summary>
public sealed record WarmUpResult(IReadOnlyList<WarmUpRound> Rounds, bool Settled)
{
    public int Documents => Rounds.Sum(r => r.Documents);

    /// <summary>e.g. "3 rounds of 1,600: gateway+worker 1,210 → 540 → 520 µs per document; JIT 2,950 → 310 → 12 methods".</summary>
    public string Describe() => Rounds.Count == 0
        ? "none"
        : $"{Rounds.Count} round(s) of {Rounds[0].Documents:#,0}: gateway+worker {string.Join(" → ", Rounds.Select(r => r.ServicesMicros.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture)))} µs per document; "
          + $"JIT {string.Join(" → ", Rounds.Select(r => (r.GatewayJit.Total + r.WorkerJit.Total).ToString("#,0", System.Globalization.CultureInfo.InvariantCulture)))} methods"
          + (Settled ? "" : " — NOT SETTLED");
}

/// <summary>
/// Warms the gateway and the worker up before the clock starts. Tiered compilation promotes a method to optimised code only after 30
/// calls and a quiet 100 ms, in a background thread that a saturated machine starves; code that runs once per upload or per batch
/// (sessions, COPY, the broker, the verdict writes) is called once per sender in one small upload each, so the measured window began
/// with tier-0 code and the JIT working. Instead: rounds of <see cref="UploadsPerSenderPerRound"/> uploads per sender, each followed
/// by a pause for the background compilation, until a round compiles almost nothing and costs the services no less than the previous
/// one did, within <see cref="Tolerance"/> (a cost that still falls is still warming up; one that rises is noise, which the run's
/// disturbed flag judges) — or <see cref="MaxRounds"/>.
/// </summary>
public sealed class WarmUp(Options options, IScenario scenario, IReadOnlyList<Sender> senders, Action<string> log)
{
    public const int MaxRounds = 8;
    public const int MinRounds = 2;
    public const int UploadsPerSenderPerRound = 2;
    public const double Tolerance = 0.10;

    /// <summary>A settled round compiles no more methods than this (or 2 % of the first round's): stragglers, not the hot path.</summary>
    public const int SettledJitMethods = 25;

    private static readonly TimeSpan QuietFor = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan QuietAtMost = TimeSpan.FromSeconds(10);

    /// <summary>Signed once and sent in every run (each run has a fresh database): the numbers never meet the measured ones.</summary>
    private readonly List<IReadOnlyList<SignedDocument>> _rounds = [];

    public async Task<WarmUpResult> RunAsync(Stack stack, LoadGenerator load, CancellationToken cancellationToken)
    {
        if (options.WarmUpRounds == 0)
        {
            // The warm-up before issue 17: one small upload per sender.
            var legacy = await RoundAsync(stack, load, 0, Math.Min(options.Batch, 20) * senders.Count, cancellationToken);
            return new WarmUpResult([legacy], Settled: false);
        }

        var rounds = new List<WarmUpRound>();
        var size = options.Batch * senders.Count * UploadsPerSenderPerRound;
        for (var n = 0; n < (options.WarmUpRounds ?? MaxRounds); n++)
        {
            rounds.Add(await RoundAsync(stack, load, n, size, cancellationToken));
            if (options.WarmUpRounds is null && IsSettled(rounds))
            {
                break;
            }
        }

        return new WarmUpResult(rounds, IsSettled(rounds));
    }

    /// <summary>Whether the last round compiled almost nothing and cost no less than the one before, within the tolerance.</summary>
    public static bool IsSettled(IReadOnlyList<WarmUpRound> rounds)
    {
        if (rounds.Count < MinRounds)
        {
            return false;
        }

        var (last, before) = (rounds[^1], rounds[^2]);
        var jit = last.GatewayJit.Total + last.WorkerJit.Total;
        var firstJit = rounds[0].GatewayJit.Total + rounds[0].WorkerJit.Total;
        return last.ServicesMicros >= (1 - Tolerance) * before.ServicesMicros && jit <= Math.Max(SettledJitMethods, 0.02 * firstJit);
    }

    private async Task<WarmUpRound> RoundAsync(Stack stack, LoadGenerator load, int round, int size, CancellationToken cancellationToken)
    {
        while (_rounds.Count <= round)
        {
            // Numbers from 10,000,000 on: never those of the measured run (1,000,000 on) or of the paced one (3,000,000 on).
            _rounds.Add(scenario.CreateSigned(senders, size, firstNum: 10_000_000 + _rounds.Count * size));
        }

        var documents = _rounds[round];
        var afterId = await load.MaxInvoiceIdAsync(cancellationToken);
        var payloads = load.Payloads(documents, options.Batch);
        var (gateway0, worker0, jit0) = (stack.Gateway.CpuSeconds, stack.Worker.CpuSeconds, stack.Jit);
        var result = await load.RunAsync(payloads, afterId, _ => { }, cancellationToken);
        await QuietAsync(stack, cancellationToken);
        var jit = stack.Jit;
        var warm = new WarmUpRound(documents.Count, (stack.Gateway.CpuSeconds - gateway0) * 1e6 / Math.Max(1, result.Accepted),
            (stack.Worker.CpuSeconds - worker0) * 1e6 / Math.Max(1, result.Accepted), jit.Gateway - jit0.Gateway, jit.Worker - jit0.Worker);
        log($"warm-up round {round + 1}: {documents.Count} {scenario.Documents}, gateway {warm.GatewayMicros:0} + worker {warm.WorkerMicros:0} µs per document, "
            + $"JIT gateway {warm.GatewayJit}, worker {warm.WorkerJit}");
        return warm;
    }

    /// <summary>
    /// Waits until the gateway and the worker are idle (under 2 % of a core for <see cref="QuietFor"/>): the background JIT has compiled
    /// what the round promoted, and the services' timers are not what the next round measures.
    /// </summary>
    public static async Task QuietAsync(Stack stack, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + QuietAtMost;
        while (DateTimeOffset.UtcNow < deadline)
        {
            var before = stack.Gateway.CpuSeconds + stack.Worker.CpuSeconds;
            await Task.Delay(QuietFor, cancellationToken);
            if (stack.Gateway.CpuSeconds + stack.Worker.CpuSeconds - before < 0.02 * QuietFor.TotalSeconds)
            {
                return;
            }
        }
    }
}
