using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Security.Isolation;

/// <summary>The gateway the isolation and hostile-input scenarios talk to (development trust, default limits).</summary>
[SetUpFixture]
public sealed class IsolationGateway : SharedGateway<IsolationGateway>
{
    // The webhook scenarios subscribe receivers on 127.0.0.1.
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Esf:Webhooks:AllowPrivateNetworks"] = "true",
    };
}
