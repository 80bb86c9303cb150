using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Security.Streams;

/// <summary>
/// The gateway the long-response scenarios talk to: credentials rechecked at every look (about a second) instead of every
/// 30 s, and one long response per enterprise, so that the tests see both bounds at once.
/// </summary>
[SetUpFixture]
public sealed class StreamGateway : SharedGateway<StreamGateway>
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Esf:Quotas:StreamRecheckSeconds"] = "0",
        ["Esf:Quotas:ConcurrentStreamsPerTenant"] = "1",
    };
}
