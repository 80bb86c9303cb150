using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Procurement;

/// <summary>The gateway the ЭГЗ scenarios talk to, with the procurement portal's system key configured.</summary>
[SetUpFixture]
public sealed class ProcurementGateway : SharedGateway<ProcurementGateway>
{
    public const string PortalKey = "procurement-portal-test-key-0123456789";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Esf:ProcurementPortalKey"] = PortalKey,
    };
}
