using Microsoft.Extensions.Hosting;

namespace Esf.Infrastructure.Security;

/// <summary>Reads the trust store and CRLs when the host starts, so an unusable file stops the start with its name.</summary>
internal sealed class TrustMaterialLoader(CertificateValidator validator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        validator.LoadTrust();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
