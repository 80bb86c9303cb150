using Org.BouncyCastle.Math;

namespace Esf.Infrastructure.Signatures.Gost;

/// <summary>
/// How Kalkan (and so every НУЦ РК client) writes a GOST signature and key: r ‖ s and x ‖ y, each little-endian; the
/// exact byte reversal of the RFC 4491 big-endian s ‖ r layout that BouncyCastle's own GOST signers use. The digest
/// is read as a little-endian integer, which is what <c>ECGost3410Signer</c> does with the bytes it is given.
/// </summary>
public static class KalkanSignatureLayout
{
    /// <summary>r and s from a signature of exactly 2 × <paramref name="half"/> bytes; false for any other length.</summary>
    public static bool TryRead(ReadOnlySpan<byte> signature, int half, out BigInteger r, out BigInteger s)
    {
        if (signature.Length != 2 * half)
        {
            (r, s) = (BigInteger.Zero, BigInteger.Zero);
            return false;
        }

        r = LittleEndian(signature[..half]);
        s = LittleEndian(signature[half..]);
        return true;
    }

    public static byte[] Write(BigInteger r, BigInteger s, int half)
    {
        var signature = new byte[2 * half];
        WriteLittleEndian(r, signature.AsSpan(0, half));
        WriteLittleEndian(s, signature.AsSpan(half));
        return signature;
    }

    public static BigInteger LittleEndian(ReadOnlySpan<byte> bytes)
    {
        var bigEndian = bytes.ToArray();
        Array.Reverse(bigEndian);
        return new BigInteger(1, bigEndian);
    }

    public static void WriteLittleEndian(BigInteger value, Span<byte> target)
    {
        var bigEndian = value.ToByteArrayUnsigned();
        if (bigEndian.Length > target.Length)
        {
            throw new ArgumentException("The value does not fit the field.", nameof(value));
        }

        target.Clear();
        for (var i = 0; i < bigEndian.Length; i++)
        {
            target[i] = bigEndian[bigEndian.Length - 1 - i];
        }
    }
}
