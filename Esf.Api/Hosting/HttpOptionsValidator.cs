using System.Net;
using Esf.Infrastructure;
using Microsoft.Extensions.Options;

namespace Esf.Api.Hosting;

/// <summary>Limits are positive (or 0 where 0 means off) and every proxy address and network parses.</summary>
public sealed class HttpOptionsValidator : IValidateOptions<HttpOptions>
{
    public ValidateOptionsResult Validate(string? name, HttpOptions options)
    {
        var failures = new OptionsFailures()
            .NotNegative("Esf:Http:MaxConcurrentConnections", options.MaxConcurrentConnections)
            .Require(options.MinRequestBodyBytesPerSecond > 0,
                $"Esf:Http:MinRequestBodyBytesPerSecond must be above 0 (it is {options.MinRequestBodyBytesPerSecond}).")
            .Positive("Esf:Http:MinRequestBodyGraceSeconds", options.MinRequestBodyGraceSeconds)
            .Positive("Esf:Http:RequestHeadersTimeoutSeconds", options.RequestHeadersTimeoutSeconds)
            .Positive("Esf:Http:MaxRequestHeadersTotalBytes", options.MaxRequestHeadersTotalBytes)
            .Networks("Esf:Http:KnownNetworks", options.KnownNetworks);
        foreach (var proxy in options.KnownProxies)
        {
            failures.Require(IPAddress.TryParse(proxy, out _), $"Esf:Http:KnownProxies: «{proxy}» is not an IP address.");
        }

        return failures.Result;
    }
}
