using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Security.Limits;

/// <summary>
/// A gateway with tiny rate limits: 5 logins per IP and 20 authenticated calls per enterprise per minute; 127.0.0.2 is its
/// reverse proxy. Tests that spend an IP's login budget call from an address of their own in 127.0.0.0/8.
/// </summary>
[SetUpFixture]
public sealed class LimitedGateway : SharedGateway<LimitedGateway>
{
    public const int Logins = 5;
    public const int TenantCalls = 20;
    public const string Proxy = "127.0.0.2";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Esf:RateLimiting:Enabled"] = "true",
        ["Esf:RateLimiting:LoginPerIpPerMinute"] = Logins.ToString(),
        ["Esf:RateLimiting:PerTenantPerMinute"] = TenantCalls.ToString(),
        ["Esf:RateLimiting:PerIpPerMinute"] = "10000",
        ["Esf:Http:KnownProxies:0"] = Proxy,
    };

    /// <summary>A client whose connections leave from <paramref name="localAddress"/> (any address of 127.0.0.0/8 on Linux).</summary>
    public static HttpClient ClientFrom(string localAddress)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
                socket.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Parse(localAddress), 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
            },
        };
        return new HttpClient(handler) { BaseAddress = Fixture.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }
}
