using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Registry;

/// <summary>The gateway (with its worker) of the registry and rule scenarios, configured with an admin key for CSV imports.</summary>
[SetUpFixture]
public sealed class RegistryGateway : SharedGateway<RegistryGateway>
{
    public const string AdminKey = "test-admin-key-of-at-least-32-characters";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Esf:AdminApiKey"] = AdminKey };
}
