using System.Globalization;

namespace Esf.Api.Cli;

/// <summary><c>esf status &lt;id&gt;…</c>: one line per invoice, its status, registration number and errors.</summary>
public static class StatusCommand
{
    private static readonly string Help = $"""
        Usage: esf status <invoice id>... {AccountOptions.Help}

        Prints each invoice's status and registration number (or its errors when FAILED). Exit code 1 when one is not found.
        """;

    public static Task<int> RunAsync(string[] args) => RunAsync(args, CliEnvironment.Console);

    public static Task<int> RunAsync(string[] args, CliEnvironment environment) =>
        CliRunner.RunAsync(environment, Help, () => StatusAsync(CommandLine.Parse(args, AccountOptions.Names), environment));

    private static async Task<int> StatusAsync(CommandLine line, CliEnvironment environment)
    {
        if (line.WantsHelp)
        {
            await environment.Out.WriteLineAsync(Help);
            return 0;
        }

        var ids = line.Positionals.Select(p => long.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new CliException($"'{p}' is not an invoice id.", CliException.Usage)).ToList();
        if (ids.Count == 0)
        {
            throw new CliException("Name at least one invoice id.", CliException.Usage);
        }

        using var gateway = await AccountOptions.LogInAsync(line, environment, CancellationToken.None);
        try
        {
            foreach (var id in ids)
            {
                var status = await gateway.StatusAsync(id, CancellationToken.None);
                var errors = string.Join("; ", status.Errors.Select(e => $"{e.RuleId} {e.Message}"));
                await environment.Out.WriteLineAsync($"{id}\t{status.Status}\t{status.RegistrationNumber}{(errors.Length > 0 ? "\t" + errors : "")}");
            }

            return 0;
        }
        finally
        {
            await gateway.LogOutAsync();
        }
    }
}
