using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Security.Http;

/// <summary>
/// A gateway with the default HTTP limits (20 MB bodies) in the Production environment, serving /metrics to
/// <see cref="MetricsScraper"/> only.
/// </summary>
[SetUpFixture]
public sealed class HttpGateway : SharedGateway<HttpGateway>
{
    public const string MetricsScraper = "127.0.0.5";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Esf:Metrics:Prometheus"] = "true",
        ["Esf:Metrics:AllowedNetworks:0"] = MetricsScraper + "/32",
    };
}
