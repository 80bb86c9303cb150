namespace Esf.Domain.Lifecycle;

/// <summary>
/// The wire names of an enumeration: its member names in UPPER_SNAKE (<c>InQueue</c> → <c>IN_QUEUE</c>), as the API writes
/// statuses. Used by SOAP, REST and the database, for invoices and waybills alike.
/// </summary>
public static class WireNames<TEnum>
    where TEnum : struct, Enum
{
    private static readonly Dictionary<TEnum, string> Names = Enum.GetValues<TEnum>().ToDictionary(s => s, ToUpperSnake);

    private static readonly Dictionary<string, TEnum> Values = Names.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public static string ToWire(TEnum value) => Names[value];

    public static bool TryParse(string wire, out TEnum value) => Values.TryGetValue(wire, out value);

    public static TEnum Parse(string wire) =>
        TryParse(wire, out var value) ? value : throw new ArgumentException($"Unknown {typeof(TEnum).Name} '{wire}'.", nameof(wire));

    private static string ToUpperSnake(TEnum value)
    {
        var name = value.ToString();
        var chars = new List<char>(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                chars.Add('_');
            }

            chars.Add(char.ToUpperInvariant(name[i]));
        }

        return new string(chars.ToArray());
    }
}
