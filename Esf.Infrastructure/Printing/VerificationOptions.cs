namespace Esf.Infrastructure.Printing;

/// <summary>The <c>Esf:Verification</c> section.</summary>
public sealed class VerificationOptions
{
    public const string Section = "Esf:Verification";

    /// <summary>
    /// The public address printed in QR codes (e.g. <c>https://esf.example.kz/</c>); when empty, the address the request came
    /// to (behind a proxy, configure forwarded headers or set this).
    /// </summary>
    public string? PublicUrl { get; set; }
}
