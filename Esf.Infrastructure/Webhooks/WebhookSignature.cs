using System.Security.Cryptography;
using System.Text;

namespace Esf.Infrastructure.Webhooks;

/// <summary>
/// The <c>X-Esf-Signature</c> header: <c>sha256=</c> and the lowercase hex HMAC-SHA256 of the exact request body bytes with the
/// subscription's secret. Receivers recompute it and compare in constant time.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-Esf-Signature";

    public static string Compute(string secret, ReadOnlySpan<byte> body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    public static bool Verify(string secret, ReadOnlySpan<byte> body, string? header) =>
        header is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Compute(secret, body)), Encoding.ASCII.GetBytes(header));
}
