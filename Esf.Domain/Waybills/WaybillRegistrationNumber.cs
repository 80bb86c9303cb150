using System.Globalization;

namespace Esf.Domain.Waybills;

/// <summary>
/// Регистрационный номер СНТ: 42 digits (Rules ¶70 p.3, seed L6223). The composition is ours:
/// <c>&lt;seller's 12-digit ИИН/БИН&gt;&lt;yyyyMMdd of registration&gt;&lt;22-digit system-wide counter&gt;</c>, so it is unique
/// and tells at a glance whose and from when it is.
/// </summary>
public static class WaybillRegistrationNumber
{
    public const int Length = 42;

    public static string Create(string sellerTin, DateOnly registrationDay, long counter)
    {
        if (sellerTin is not { Length: 12 } || !sellerTin.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("The seller's ИИН/БИН must be 12 digits.", nameof(sellerTin));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(counter);
        return string.Concat(sellerTin, registrationDay.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
            counter.ToString("D22", CultureInfo.InvariantCulture));
    }

    /// <summary>The text has the shape of a waybill number: exactly 42 ASCII digits.</summary>
    public static bool IsWellFormed(string? text) => text is { Length: Length } && text.All(char.IsAsciiDigit);

    /// <summary>The seller's ИИН/БИН a well-formed number begins with.</summary>
    public static string SellerOf(string number) =>
        IsWellFormed(number) ? number[..12] : throw new ArgumentException("Not a 42-digit waybill number.", nameof(number));
}
