using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Sandbox;

/// <summary>The gateway the sandbox scenarios talk to: sandbox on, in Development (the sandbox is refused in Production).</summary>
[SetUpFixture]
public sealed class SandboxGateway : SharedGateway<SandboxGateway>
{
    public const string Key = "sandbox-test-key-0123456789";

    protected override string? Environment => "Development";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Esf:Sandbox:Enabled"] = "true",
        ["Esf:Sandbox:Key"] = Key,
        // Webhook faults are delivered to receivers on 127.0.0.1 (tests never reach anything else), polled fast.
        ["Esf:Webhooks:AllowPrivateNetworks"] = "true",
        ["Esf:Webhooks:PollMilliseconds"] = "100",
    };
}
