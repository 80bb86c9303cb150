namespace Esf.Infrastructure.Security;

/// <summary>What a certificate is presented for: the НУЦ РК issues AUTH keys for login and RSA/GOST keys for signing.</summary>
public enum CertificatePurpose
{
    Authentication,
    Signing,
}
