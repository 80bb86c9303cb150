using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Notifications;

/// <summary>A gateway whose webhook dispatcher polls fast and delivers to loopback, so a pushed notification arrives in seconds.</summary>
[SetUpFixture]
public sealed class NotificationGateway : SharedGateway<NotificationGateway>
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Esf:Webhooks:PollMilliseconds"] = "100",
        ["Esf:Webhooks:RetryBaseDelayMilliseconds"] = "50",
        // The receivers listen on 127.0.0.1 (tests never reach anything else).
        ["Esf:Webhooks:AllowPrivateNetworks"] = "true",
    };
}
