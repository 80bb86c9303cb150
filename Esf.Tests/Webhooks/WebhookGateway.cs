using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Webhooks;

/// <summary>A gateway whose webhook dispatcher polls and retries fast, so the scenarios take seconds.</summary>
[SetUpFixture]
public sealed class WebhookGateway : SharedGateway<WebhookGateway>
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Esf:Webhooks:PollMilliseconds"] = "100",
        ["Esf:Webhooks:RetryBaseDelayMilliseconds"] = "50",
        ["Esf:Webhooks:MaxAttempts"] = "3",
    };
}
