namespace Esf.Domain.Warehouse;

/// <summary>The wire codes (REST) and Russian labels (the ВС journals) of an enum's values; either reads back as the value.</summary>
public sealed class CodedNames<TEnum>(IReadOnlyDictionary<TEnum, (string Code, string Label)> names) where TEnum : struct, Enum
{
    public IReadOnlyList<string> Codes { get; } = [.. names.Values.Select(n => n.Code)];

    public string Code(TEnum value) => names[value].Code;

    public string Label(TEnum value) => names[value].Label;

    public bool TryParse(string? text, out TEnum value)
    {
        foreach (var (candidate, (code, label)) in names)
        {
            if (string.Equals(text, code, StringComparison.Ordinal) || string.Equals(text, label, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
