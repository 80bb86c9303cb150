namespace Esf.Infrastructure.Invoices;

/// <summary>The signature (Base64) and certificate a revoke, unrevoke, decline or delete carries over its id list.</summary>
public sealed record SignedStatusChange(string Signature, string Certificate);
