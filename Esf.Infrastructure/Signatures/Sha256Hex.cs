using System.Security.Cryptography;

namespace Esf.Infrastructure.Signatures;

/// <summary>
/// The one SHA-256 digest written as lowercase hex: an invoice's <c>hash</c>, the stored form of API key secrets and of
/// participant confirmation tokens, and the private cluster's folder tag.
/// </summary>
public static class Sha256Hex
{
    /// <summary>The digest of the text's UTF-8 bytes.</summary>
    public static string Of(string text)
    {
        using var bytes = PooledUtf8.Of(text);
        return Of(bytes.Span);
    }

    /// <summary>The digest of the bytes (a body kept as its UTF-8 bytes: the same digest as of its text).</summary>
    public static string Of(ReadOnlySpan<byte> bytes)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(bytes, digest);
        return Convert.ToHexStringLower(digest);
    }
}
