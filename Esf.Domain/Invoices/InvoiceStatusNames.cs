namespace Esf.Domain.Invoices;

/// <summary>The wire names of <see cref="InvoiceStatus"/> (e.g. <c>IN_QUEUE</c>), used by SOAP, REST and the database.</summary>
public static class InvoiceStatusNames
{
    private static readonly Dictionary<InvoiceStatus, string> Names = Enum.GetValues<InvoiceStatus>()
        .ToDictionary(s => s, ToUpperSnake);

    private static readonly Dictionary<string, InvoiceStatus> Statuses = Names.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public static string ToWire(this InvoiceStatus status) => Names[status];

    public static bool TryParse(string wire, out InvoiceStatus status) => Statuses.TryGetValue(wire, out status);

    public static InvoiceStatus Parse(string wire) =>
        TryParse(wire, out var status) ? status : throw new ArgumentException($"Unknown invoice status '{wire}'.", nameof(wire));

    private static string ToUpperSnake(InvoiceStatus status)
    {
        var name = status.ToString();
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
