using Esf.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Esf.Api.Hosting;

/// <summary>
/// The gateway's public base URL (<c>Esf:PublicBaseUrl</c>, in development the listening address): what e-mailed links and WSDL
/// addresses start with, instead of the caller's Host header and scheme (security review M6, L11).
/// </summary>
public sealed class GatewayAddress(IOptions<EsfOptions> options, IServer server)
{
    /// <summary>The base URL without a trailing slash, e.g. <c>https://esf.example.kz</c>.</summary>
    public string BaseUrl => PublicBaseUrls.Resolve(options.Value.PublicBaseUrl, server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []);
}
