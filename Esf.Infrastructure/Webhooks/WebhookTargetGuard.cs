using System.Net;
using System.Net.Http;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Esf.Infrastructure.Webhooks;

/// <summary>
/// Keeps webhooks off the gateway's own networks (docs/adr/0007-webhook-targets.md): a receiver must be a public http(s)
/// address. Checked when subscribing and again on every connection, since a name may resolve elsewhere later (DNS
/// rebinding): the connection goes to an address that was just checked, never to a second resolution.
/// </summary>
public sealed class WebhookTargetGuard(IWebhookHostResolver resolver, IOptions<WebhookOptions> options)
{
    private static readonly Lazy<HashSet<IPAddress>> s_ownAddresses = new(OwnAddresses);

    /// <summary>Refuses a subscription's URL whose host resolves to any address that is not public (nothing is connected).</summary>
    public Task CheckAsync(Uri url, CancellationToken cancellationToken) => AddressesAsync(url.IdnHost, cancellationToken);

    /// <summary>
    /// <see cref="SocketsHttpHandler.ConnectCallback"/>: resolves the host, checks every address and connects to the checked
    /// ones. A refusal happens before any socket exists.
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var addresses = await AddressesAsync(context.DnsEndPoint.Host, cancellationToken);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private async Task<IPAddress[]> AddressesAsync(string host, CancellationToken cancellationToken)
    {
        var bare = host.Trim('[', ']');
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(bare, out var literal) ? [literal] : await resolver.ResolveAsync(bare, cancellationToken);
        }
        catch (SocketException)
        {
            throw new WebhookTargetRefusedException($"The webhook host «{bare}» cannot be resolved.");
        }

        if (addresses.Length == 0)
        {
            throw new WebhookTargetRefusedException($"The webhook host «{bare}» cannot be resolved.");
        }

        // Every address, not only the first: a client would try the others when the first fails.
        if (!options.Value.AllowPrivateNetworks && addresses.FirstOrDefault(a => !PublicAddresses.IsPublic(a) || s_ownAddresses.Value.Contains(a)) is { } refused)
        {
            throw new WebhookTargetRefusedException(
                $"The webhook host «{bare}» resolves to {refused}, which is not a public internet address (loopback, private, link-local, "
                + "multicast, reserved or the gateway's own addresses are refused).");
        }

        return addresses;
    }

    private static HashSet<IPAddress> OwnAddresses()
    {
        try
        {
            return [.. NetworkInterface.GetAllNetworkInterfaces().SelectMany(i => i.GetIPProperties().UnicastAddresses).Select(u => u.Address)];
        }
        catch (NetworkInformationException)
        {
            return [];
        }
    }
}
