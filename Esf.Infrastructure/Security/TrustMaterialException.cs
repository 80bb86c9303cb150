namespace Esf.Infrastructure.Security;

/// <summary>A configured CA certificate or CRL that cannot be used: the process refuses to start with this message.</summary>
public sealed class TrustMaterialException(string message, Exception inner) : InvalidOperationException(message, inner);
