using System.Text.RegularExpressions;

namespace Esf.Domain.Warehouse;

/// <summary>The number of a customs declaration (ДТ) as the seed's example reads: NNNNN/DDMMYY/NNNNNNN (customs post, date, sequence).</summary>
public static partial class DeclarationNumbers
{
    public static bool IsWellFormed(string number) => Pattern().IsMatch(number);

    [GeneratedRegex("^[0-9]{5}/[0-9]{6}/[0-9]{7}$")]
    private static partial Regex Pattern();
}
