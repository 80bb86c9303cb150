using System.Net.Sockets;
using MassTransit;
using Npgsql;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using RabbitMQ.Client.Exceptions;

namespace Esf.Infrastructure.Resilience;

/// <summary>
/// Polly pipelines for the places that talk to PostgreSQL or RabbitMQ outside a MassTransit consumer (which has its own
/// retry). They retry only what a restart or a blip explains — a transient Npgsql error, an unreachable broker — never a
/// bug or a constraint violation, and they give up soon: what is left is picked up by the relay.
/// </summary>
public static class TransientFaults
{
    /// <summary>The publish after an upload committed: a few quick tries within 5 s, so a client never waits on a down broker.</summary>
    public static readonly ResiliencePipeline Publish = Build(attempts: 3, firstDelay: TimeSpan.FromMilliseconds(100), total: TimeSpan.FromSeconds(5));

    /// <summary>Start-up (migrations): the database may still be starting next to us, as in a compose stack; up to ~1 min.</summary>
    public static readonly ResiliencePipeline Startup = Build(attempts: 12, firstDelay: TimeSpan.FromSeconds(1), total: TimeSpan.FromMinutes(2));

    public static bool IsTransient(Exception exception) => exception switch
    {
        NpgsqlException npgsql => npgsql.IsTransient,
        BrokerUnreachableException or ConnectFailureException or AlreadyClosedException => true,
        RabbitMqConnectionException or SocketException or TimeoutRejectedException => true,
        _ => exception.InnerException is { } inner && IsTransient(inner),
    };

    private static ResiliencePipeline Build(int attempts, TimeSpan firstDelay, TimeSpan total) =>
        new ResiliencePipelineBuilder()
            .AddTimeout(total)
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
                MaxRetryAttempts = attempts,
                Delay = firstDelay,
                BackoffType = DelayBackoffType.Exponential,
                MaxDelay = TimeSpan.FromSeconds(5),
                UseJitter = true,
            })
            .Build();
}
