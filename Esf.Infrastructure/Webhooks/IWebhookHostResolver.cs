using System.Net;

namespace Esf.Infrastructure.Webhooks;

/// <summary>
/// Turns a webhook receiver's host name into addresses. An interface so that tests can map a name to any address (a private
/// or metadata one) and see it refused without resolving or connecting anywhere.
/// </summary>
public interface IWebhookHostResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);
}

/// <summary>The system resolver (DNS, hosts file).</summary>
public sealed class DnsWebhookHostResolver : IWebhookHostResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) => Dns.GetHostAddressesAsync(host, cancellationToken);
}
