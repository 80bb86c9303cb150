using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Esf.Api.Hosting;

/// <summary>
/// Kestrel's limits from <c>Esf:Http</c> (what a client may hold before it is authenticated), and forwarded headers believed
/// only from the configured proxies.
/// </summary>
public static class HttpLimitsSetup
{
    public static IServiceCollection AddEsfHttpLimits(this IServiceCollection services)
    {
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<HttpOptions>, IOptions<Infrastructure.EsfOptions>>((kestrel, http, esf) =>
        {
            var options = http.Value;
            var limits = kestrel.Limits;
            limits.MaxRequestBodySize = esf.Value.MaxRequestBytes;
            limits.MaxConcurrentConnections = options.MaxConcurrentConnections > 0 ? options.MaxConcurrentConnections : null;
            limits.MinRequestBodyDataRate = new MinDataRate(options.MinRequestBodyBytesPerSecond, TimeSpan.FromSeconds(options.MinRequestBodyGraceSeconds));
            limits.RequestHeadersTimeout = TimeSpan.FromSeconds(options.RequestHeadersTimeoutSeconds);
            limits.MaxRequestHeadersTotalSize = options.MaxRequestHeadersTotalBytes;
        });
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<HttpOptions>>((forwarded, http) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // ASP.NET Core trusts loopback by default; only what the operator names is trusted here.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in http.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in http.Value.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return services;
    }
}
