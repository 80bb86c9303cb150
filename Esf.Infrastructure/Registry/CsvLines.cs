using System.Text;

namespace Esf.Infrastructure.Registry;

/// <summary>
/// Splits RFC 4180 CSV (comma, double quotes, "" for a quote, quoted line breaks) into records with the line number each starts on.
/// A record with an unterminated quote is returned with <c>Fields</c> null so the importer can reject it by its line.
/// </summary>
public static class CsvLines
{
    public static IEnumerable<(int Line, List<string>? Fields)> Read(string text)
    {
        var line = 1;
        var position = 0;
        while (position < text.Length)
        {
            var start = line;
            var fields = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            var atFieldStart = true;
            var closed = false;
            for (; position < text.Length && !closed; position++)
            {
                var c = text[position];
                if (quoted)
                {
                    if (c == '"' && position + 1 < text.Length && text[position + 1] == '"') { field.Append('"'); position++; }
                    else if (c == '"') { quoted = false; }
                    else { if (c == '\n') { line++; } field.Append(c); }
                }
                else if (c == '"' && atFieldStart) { quoted = true; atFieldStart = false; }
                else if (c == ',') { fields.Add(field.ToString()); field.Clear(); atFieldStart = true; }
                else if (c == '\n') { closed = true; line++; }
                else if (c != '\r') { field.Append(c); atFieldStart = false; }
            }

            fields.Add(field.ToString());
            if (quoted)
            {
                yield return (start, null);
                yield break;
            }

            if (!(fields.Count == 1 && fields[0].Length == 0))
            {
                yield return (start, fields);
            }
        }
    }
}
