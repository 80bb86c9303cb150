using System.Net;
using System.Net.Sockets;

namespace Esf.Infrastructure.Webhooks;

/// <summary>
/// Which IP addresses are public internet unicast addresses, the only ones a webhook may reach. Everything special-purpose
/// in the IANA registries is refused: loopback, RFC 1918, CGNAT (RFC 6598), link-local (cloud metadata at 169.254.169.254),
/// multicast, unspecified, documentation, benchmarking and reserved ranges, ULA (RFC 4193) and IPv6 forms that embed an
/// IPv4 address (mapped, 6to4, NAT64) judged by that address.
/// </summary>
public static class PublicAddresses
{
    private static readonly IPNetwork[] s_refusedV4 = Networks(
        "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24",
        "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24",
        "224.0.0.0/4", "240.0.0.0/4");

    private static readonly IPNetwork[] s_refusedV6 = Networks(
        "::/128", "::1/128", "100::/64", "2001:db8::/32", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8");

    private static readonly IPNetwork s_sixToFour = IPNetwork.Parse("2002::/16");
    private static readonly IPNetwork s_nat64 = IPNetwork.Parse("64:ff9b::/96");

    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return IsPublic(address.MapToIPv4());
        }

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => !s_refusedV4.Any(n => n.Contains(address)),
            AddressFamily.InterNetworkV6 when s_sixToFour.Contains(address) => IsPublic(EmbeddedV4(address, 2)),
            AddressFamily.InterNetworkV6 when s_nat64.Contains(address) => IsPublic(EmbeddedV4(address, 12)),
            AddressFamily.InterNetworkV6 => !s_refusedV6.Any(n => n.Contains(address)),
            _ => false,
        };
    }

    private static IPAddress EmbeddedV4(IPAddress v6, int offset) =>
        new(v6.GetAddressBytes().AsSpan(offset, 4));

    private static IPNetwork[] Networks(params string[] cidrs) => [.. cidrs.Select(IPNetwork.Parse)];
}
