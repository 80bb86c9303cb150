using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Webhooks;

/// <summary>A gateway whose webhook dispatcher polls and retries fast, so the scenarios take seconds, and delivers to loopback.</summary>
[SetUpFixture]
public sealed class WebhookGateway : SharedGateway<WebhookGateway>
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Esf:Webhooks:PollMilliseconds"] = "100",
        ["Esf:Webhooks:RetryBaseDelayMilliseconds"] = "50",
        ["Esf:Webhooks:MaxAttempts"] = "3",
        // A silent receiver must stay silent far longer than any test waits, so that only parallel delivery lets the others through.
        ["Esf:Webhooks:TimeoutSeconds"] = "300",
        ["Esf:Webhooks:LeaseSeconds"] = "600",
        // The receivers listen on 127.0.0.1 (tests never reach anything else).
        ["Esf:Webhooks:AllowPrivateNetworks"] = "true",
    };
}
