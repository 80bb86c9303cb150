using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Esf.Infrastructure.Webhooks;

namespace Esf.Tests.Webhooks;

/// <summary>
/// A resolver the test scripts: each name answers the addresses given to it (a name can be re-pointed, as DNS rebinding
/// does), any other name is unknown. It never asks DNS, so no test traffic leaves the machine.
/// </summary>
public sealed class ScriptedResolver : IWebhookHostResolver
{
    private readonly ConcurrentDictionary<string, IPAddress[]> names = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every name asked, in order.</summary>
    public ConcurrentQueue<string> Asked { get; } = new();

    public ScriptedResolver Map(string name, params string[] addresses)
    {
        names[name] = [.. addresses.Select(IPAddress.Parse)];
        return this;
    }

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        Asked.Enqueue(host);
        return names.TryGetValue(host, out var addresses)
            ? Task.FromResult(addresses)
            : Task.FromException<IPAddress[]>(new SocketException((int)SocketError.HostNotFound));
    }
}
