using System.Net;
using System.Net.Sockets;
using Esf.Api.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Esf.Tests.Infrastructure;

/// <summary>
/// The real application, started in this process on a free loopback port, against the test PostgreSQL and either the
/// in-memory transport or the test RabbitMQ. Tests talk to it over HTTP exactly as clients do.
/// </summary>
public sealed class GatewayFixture : IAsyncDisposable
{
    private readonly WebApplication application;

    private GatewayFixture(WebApplication started)
    {
        application = started;
        BaseAddress = new Uri(started.Urls.First().TrimEnd('/') + "/");
    }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => application.Services;

    /// <param name="useRabbitMq">Use the test RabbitMQ (ignored locally / failed under CI when it is not configured).</param>
    /// <param name="roles">gateway, worker, or both.</param>
    /// <param name="settings">Extra configuration, e.g. <c>Esf:RelayGraceSeconds</c>; a null value removes one of the defaults below.</param>
    /// <param name="environment">The host environment (<c>--environment</c>); by default the process's, Production when unset.</param>
    public static async Task<GatewayFixture> StartAsync(
        bool useRabbitMq = false, string roles = "gateway,worker", IReadOnlyDictionary<string, string?>? settings = null,
        Action<WebApplicationBuilder>? configure = null, string? environment = null)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Esf"] = TestServices.RequirePostgres(),
            ["urls"] = "http://127.0.0.1:0",
            ["Esf:Roles"] = roles,
            ["Esf:SeedDemo"] = "false",
            // The tests sign with self-signed keys: development trust, allowed explicitly outside Development
            // (the host's environment is Production, as it is for an operator who sets nothing).
            ["Esf:Security:DevelopmentTrust"] = "true",
            ["Esf:RabbitMq"] = useRabbitMq ? TestServices.RequireRabbitMq() : null,
            ["Logging:LogLevel:Default"] = "Warning",
            // Every test calls from 127.0.0.1; the rate-limit scenarios (Esf.Tests/Security/Limits) switch limits on with their own values.
            ["Esf:RateLimiting:Enabled"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var app = await GatewayApp.BuildAsync(environment is null ? [] : ["--environment", environment], builder =>
        {
            // Not a null value: the binder would bind it (false, 0), not leave the option's own default.
            builder.Configuration.AddInMemoryCollection(configuration.Where(setting => setting.Value is not null));
            configure?.Invoke(builder);
        });
        await app.StartAsync();
        return new GatewayFixture(app);
    }

    public T Get<T>() where T : notnull => application.Services.GetRequiredService<T>();

    /// <summary>
    /// A service made from this host's services though its role does not register it: e.g. the worker's
    /// <c>InvoiceRegistrar</c> in a gateway-only host, for tests that drive the worker's steps themselves.
    /// </summary>
    public T Create<T>() where T : notnull => ActivatorUtilities.CreateInstance<T>(application.Services);

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>
    /// A client whose connections leave from <paramref name="localAddress"/> (any address of 127.0.0.0/8 on Linux), for tests of
    /// what the gateway decides by the client's address: rate limits, trusted proxies, /metrics.
    /// </summary>
    public HttpClient CreateClientFrom(string localAddress)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(IPAddress.Parse(localAddress), 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        return new HttpClient(handler) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public async ValueTask DisposeAsync()
    {
        await application.StopAsync();
        await application.DisposeAsync();
    }
}
