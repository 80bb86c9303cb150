namespace Esf.Domain.Taxpayers;

/// <summary>
/// The 12-digit ИИН/БИН and its control digit (12th): the weighted sum of the first eleven digits modulo 11, with weights
/// 1..11 and, when that gives 10, weights 3..11,1,2; a number whose second sum is also 10 is never issued.
/// </summary>
public static class TaxpayerNumber
{
    private static readonly int[] FirstWeights = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    private static readonly int[] SecondWeights = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

    /// <summary>The control digit of eleven digits, or null when no control digit exists for them (such numbers are skipped).</summary>
    public static int? ControlDigit(string elevenDigits)
    {
        if (elevenDigits.Length != 11 || !elevenDigits.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("eleven digits are required", nameof(elevenDigits));
        }

        var first = WeightedSum(elevenDigits, FirstWeights) % 11;
        if (first != 10)
        {
            return first;
        }

        var second = WeightedSum(elevenDigits, SecondWeights) % 11;
        return second == 10 ? null : second;
    }

    /// <summary>True for twelve digits whose last one is the control digit of the others.</summary>
    public static bool IsValid(string number) =>
        number.Length == 12 && number.All(char.IsAsciiDigit) && ControlDigit(number[..11]) == number[11] - '0';

    /// <summary>The twelve-digit number of <paramref name="elevenDigits"/> with its control digit, or null when it has none.</summary>
    public static string? Complete(string elevenDigits) => ControlDigit(elevenDigits) is { } digit ? elevenDigits + digit : null;

    private static int WeightedSum(string digits, int[] weights) => digits.Select((c, i) => (c - '0') * weights[i]).Sum();
}
