using Esf.Infrastructure.Printing;
using Microsoft.Extensions.Options;

namespace Esf.Api.Printing;

/// <summary>The address printed in QR codes: <c>Esf:Verification:PublicUrl</c>, else the one the request came to.</summary>
public static class PublicAddress
{
    public static Uri Of(HttpContext http)
    {
        var configured = http.RequestServices.GetRequiredService<IOptions<VerificationOptions>>().Value.PublicUrl;
        var address = string.IsNullOrWhiteSpace(configured)
            ? $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}"
            : configured.Trim();
        return new Uri(address.EndsWith('/') ? address : address + "/");
    }
}
