using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace Esf.Domain.Invoices;

/// <summary>
/// Регистрационный номер ЭСФ: <c>ESF-&lt;seller tin&gt;-&lt;yyyyMMdd&gt;-&lt;8 digits&gt;</c> (esf-api-facts §15). The date is the
/// registration day. The tail is «уникального непоследовательного номера» (Rules p.3.15): a keyed permutation of a system-wide counter
/// (ADR 0018), so it neither counts up nor shows how many invoices were registered, and distinct counters of one day never share a tail.
/// </summary>
public static class RegistrationNumber
{
    /// <summary>The tail is two 4-digit halves, the two sides of a balanced Feistel network over 10⁴ × 10⁴ = 10⁸ values.</summary>
    private const int HalfModulus = 10_000;

    private const long TailModulus = (long)HalfModulus * HalfModulus;

    /// <summary>Four rounds make a Feistel network a pseudo-random permutation (Luby–Rackoff).</summary>
    private const int Rounds = 4;

    /// <param name="counter">The system-wide counter; a day's tails are a permutation of it modulo 10⁸ (ADR 0018 on the wrap).</param>
    /// <param name="key">The deployment's secret (<c>registration_number_key</c>): without it the order cannot be recovered from the tails.</param>
    public static string Create(string sellerTin, DateOnly registrationDay, long counter, ReadOnlySpan<byte> key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sellerTin);
        ArgumentOutOfRangeException.ThrowIfNegative(counter);
        var tail = Permute(counter % TailModulus, registrationDay, key).ToString("D8", CultureInfo.InvariantCulture);
        return $"ESF-{sellerTin}-{registrationDay.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{tail}";
    }

    /// <summary>The registration day a number carries (its <c>yyyyMMdd</c> part, written by the server); null when it has none.</summary>
    public static DateOnly? DayOf(string? registrationNumber) =>
        registrationNumber?.Split('-') is [_, _, var day, _]
        && DateOnly.TryParseExact(day, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var registered)
            ? registered
            : null;

    /// <summary>A bijection of [0, 10⁸) chosen by the key and the day: each round adds a keyed hash of one half to the other.</summary>
    private static long Permute(long value, DateOnly day, ReadOnlySpan<byte> key)
    {
        var (left, right) = ((int)(value / HalfModulus), (int)(value % HalfModulus));
        for (var round = 0; round < Rounds; round++)
        {
            (left, right) = (right, (left + RoundValue(key, day, round, right)) % HalfModulus);
        }

        return (long)left * HalfModulus + right;
    }

    private static int RoundValue(ReadOnlySpan<byte> key, DateOnly day, int round, int half)
    {
        Span<byte> input = stackalloc byte[12];
        BinaryPrimitives.WriteInt32BigEndian(input, day.DayNumber);
        BinaryPrimitives.WriteInt32BigEndian(input[4..], round);
        BinaryPrimitives.WriteInt32BigEndian(input[8..], half);
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, input, hash);
        return (int)(BinaryPrimitives.ReadUInt32BigEndian(hash) % HalfModulus);
    }
}
