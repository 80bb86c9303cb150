using System.Globalization;
using System.Text.Json;
using Esf.Domain.Warehouse;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Registry;

namespace Esf.Infrastructure.Warehouse;

/// <summary>
/// Reads a file of ДТ or ФНО 328.00 positions: CSV with a header line naming the columns (<see cref="Columns"/>), or a JSON
/// array of objects with the same fields in camelCase. Each line is checked on its own and refused by its number.
/// </summary>
public static class GoodsSourceFile
{
    /// <summary>The columns, all required: <c>number</c> (ДТ: NNNNN/DDMMYY/NNNNNNN), <c>position</c> (from 1), the importer's 12-digit
    /// <c>importer_tin</c>, <c>gsvs_code</c>, the 10-digit <c>tnved_code</c>, <c>name</c>, the 2-letter <c>country</c>, <c>price</c>,
    /// <c>quantity</c> (above 0) and <c>unit</c>.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["number", "position", "importer_tin", "gsvs_code", "tnved_code", "name", "country", "price", "quantity", "unit"];

    public static (List<(int Line, GoodsSourceLine Source)> Lines, List<RejectedLine> Rejected) Read(GoodsSourceKind kind, string text, bool json)
    {
        var records = json ? ReadJson(text) : ReadCsv(text);
        var lines = new List<(int, GoodsSourceLine)>();
        var rejected = new List<RejectedLine>();
        foreach (var (line, fields) in records)
        {
            GoodsSourceLine? source = null;
            var reason = fields is null ? "the line cannot be read" : Check(kind, fields, out source);
            if (source is not null)
            {
                lines.Add((line, source));
            }
            else
            {
                rejected.Add(new RejectedLine(line, reason!));
            }
        }

        return (lines, rejected);
    }

    private static string? Check(GoodsSourceKind kind, IReadOnlyDictionary<string, string> fields, out GoodsSourceLine? source)
    {
        source = null;
        string Field(string name) => fields.TryGetValue(name, out var value) ? value.Trim() : "";
        var missing = Columns.Where(c => Field(c).Length == 0).ToList();
        if (missing.Count > 0)
        {
            return $"missing: {string.Join(", ", missing)}";
        }

        var number = Field("number");
        var problems = new List<string>();
        if (kind == GoodsSourceKind.CustomsDeclaration ? !DeclarationNumbers.IsWellFormed(number) : number.Length > 60)
        {
            problems.Add($"number «{number}» is not a {(kind == GoodsSourceKind.CustomsDeclaration ? "ДТ number NNNNN/DDMMYY/NNNNNNN" : "number")}");
        }

        var position = int.TryParse(Field("position"), NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p > 0 ? p : 0;
        var price = decimal.TryParse(Field("price"), NumberStyles.Number, CultureInfo.InvariantCulture, out var pr) && pr >= 0 ? pr : -1;
        var quantity = decimal.TryParse(Field("quantity"), NumberStyles.Number, CultureInfo.InvariantCulture, out var q) && q > 0 ? q : 0;
        problems.AddRange(new[]
        {
            position == 0 ? "position must be a whole number from 1" : null,
            !Digits(Field("importer_tin"), 12) ? "importer_tin must have 12 digits" : null,
            !Digits(Field("tnved_code"), 10) ? "tnved_code must have 10 digits" : null,
            Field("country") is not { Length: 2 } country || !country.All(char.IsAsciiLetterUpper) ? "country must be 2 capital letters" : null,
            price < 0 ? "price must be a number of 0 or more (a dot for decimals)" : null,
            quantity == 0 ? "quantity must be a number above 0 (a dot for decimals)" : null,
        }.OfType<string>());
        if (problems.Count > 0)
        {
            return string.Join("; ", problems);
        }

        source = new GoodsSourceLine(Field("importer_tin"),
            new GoodsLine(Field("gsvs_code"), Field("tnved_code"), kind, number, position, Field("name"), Field("country"), null, price, Field("unit")),
            quantity);
        return null;
    }

    private static bool Digits(string text, int length) => text.Length == length && text.All(char.IsAsciiDigit);

    private static IEnumerable<(int Line, IReadOnlyDictionary<string, string>? Fields)> ReadCsv(string text)
    {
        var records = CsvLines.Read(text.TrimStart('\uFEFF')).ToList();
        if (records.Count == 0 || records[0].Fields is not { } header)
        {
            throw EsfException.InvalidInput("The header line is missing.");
        }

        var names = header.Select(h => h.Trim()).ToList();
        if (names.FirstOrDefault(n => !Columns.Contains(n)) is { } unknown)
        {
            throw EsfException.InvalidInput($"Unknown column «{unknown}»; the columns are {string.Join(", ", Columns)}.");
        }

        return records.Skip(1).Select(r => (r.Line, r.Fields is null
            ? null
            : (IReadOnlyDictionary<string, string>?)names.Zip(r.Fields).GroupBy(f => f.First).ToDictionary(g => g.Key, g => g.Last().Second)));
    }

    private static IEnumerable<(int Line, IReadOnlyDictionary<string, string>? Fields)> ReadJson(string text)
    {
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(text).RootElement;
        }
        catch (JsonException e)
        {
            throw EsfException.InvalidInput($"The body is not JSON: {e.Message}");
        }

        if (root.ValueKind != JsonValueKind.Array)
        {
            throw EsfException.InvalidInput("The body must be a JSON array of positions.");
        }

        return root.EnumerateArray().Select((item, i) => (i + 1, item.ValueKind == JsonValueKind.Object
            ? (IReadOnlyDictionary<string, string>?)item.EnumerateObject().ToDictionary(p => SnakeCase(p.Name), p => p.Value.ValueKind == JsonValueKind.String
                ? p.Value.GetString() ?? ""
                : p.Value.GetRawText())
            : null));
    }

    private static string SnakeCase(string name) => string.Concat(name.Select(c => char.IsAsciiLetterUpper(c) ? "_" + char.ToLowerInvariant(c) : c.ToString()));

}
