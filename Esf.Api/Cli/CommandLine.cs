namespace Esf.Api.Cli;

/// <summary>How an option takes its value.</summary>
public enum OptionKind
{
    /// <summary><c>--name value</c> or <c>--name=value</c>.</summary>
    Value,
    /// <summary><c>--name</c> alone.</summary>
    Flag,
    /// <summary><c>--name</c> alone, or followed by a value that does not start with '-'.</summary>
    OptionalValue,
}

/// <summary>
/// A small parser for the verbs' <c>--name value</c> options and positional arguments. Unknown options are refused so
/// that a typo is not silently ignored.
/// </summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, string?> options = new(StringComparer.Ordinal);

    private CommandLine(IReadOnlyList<string> positionals) => Positionals = positionals;

    public IReadOnlyList<string> Positionals { get; }

    public bool WantsHelp => Has("help");

    public static CommandLine Parse(string[] args, IReadOnlyDictionary<string, OptionKind> known)
    {
        var positionals = new List<string>();
        var parsed = new CommandLine(positionals);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || args[i] == "--")
            {
                positionals.Add(args[i]);
                continue;
            }

            var (name, inlineValue) = args[i][2..].Split('=', 2) is [var n, var v] ? (n, (string?)v) : (args[i][2..], null);
            if (name == "help")
            {
                parsed.options[name] = null;
                continue;
            }

            if (!known.TryGetValue(name, out var kind))
            {
                throw new CliException($"Unknown option --{name}. Add --help for the options.", CliException.Usage);
            }

            parsed.options[name] = inlineValue ?? kind switch
            {
                OptionKind.Flag => null,
                OptionKind.Value when i + 1 < args.Length => args[++i],
                OptionKind.Value => throw new CliException($"Option --{name} needs a value.", CliException.Usage),
                _ => i + 1 < args.Length && !args[i + 1].StartsWith('-') ? args[++i] : null,
            };
        }

        return parsed;
    }

    public bool Has(string name) => options.ContainsKey(name);

    public string? Get(string name) => options.GetValueOrDefault(name);

    public int GetInt(string name, int fallback) => Get(name) switch
    {
        null => fallback,
        var text when int.TryParse(text, out var value) && value > 0 => value,
        var text => throw new CliException($"Option --{name} must be a positive whole number, not '{text}'.", CliException.Usage),
    };
}
