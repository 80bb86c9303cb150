using Esf.Api.Rest.Updates;

namespace Esf.Api.Cli;

/// <summary>
/// <c>esf updates [--follow]</c>: prints the change feed as JSON lines from the cursor saved in --cursor-file (default
/// .esf/updates.cursor) and saves the new cursor after each page, so the next run goes on where this one stopped.
/// </summary>
public static class UpdatesCommand
{
    private static readonly string Help = $"""
        Usage: esf updates [--follow] [--cursor-file <.esf/updates.cursor>] [--direction INBOUND|OUTBOUND] {AccountOptions.Help}

        Prints every status change after the saved cursor, one JSON object per line, and saves the cursor as it goes.
        With --follow, keeps waiting for new changes until Ctrl-C.
        """;

    private static readonly TimeSpan IdleWait = TimeSpan.FromSeconds(1);

    public static Task<int> RunAsync(string[] args) => RunAsync(args, CliEnvironment.Console, CancellationToken.None);

    public static Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken ct) =>
        CliRunner.RunAsync(environment, Help, () => FollowAsync(CommandLine.Parse(args, AccountOptions.With(
            ("follow", OptionKind.Flag), ("cursor-file", OptionKind.Value), ("direction", OptionKind.Value))), environment, ct));

    private static async Task<int> FollowAsync(CommandLine line, CliEnvironment environment, CancellationToken ct)
    {
        if (line.WantsHelp)
        {
            await environment.Out.WriteLineAsync(Help);
            return 0;
        }

        var cursorFile = environment.Resolve(line.Get("cursor-file") ?? ".esf/updates.cursor");
        var cursor = File.Exists(cursorFile) ? (await File.ReadAllTextAsync(cursorFile, ct)).Trim() : "0";
        var direction = line.Get("direction") is { } d ? $"&direction={Uri.EscapeDataString(d)}" : "";
        using var gateway = await AccountOptions.LogInAsync(line, environment, ct);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var page = await gateway.GetAsync<UpdatesPage>("Reading the change feed", $"updates?limit=500&cursor={Uri.EscapeDataString(cursor)}{direction}", ct);
                foreach (var change in page.Events)
                {
                    await environment.Out.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize(change, System.Text.Json.JsonSerializerOptions.Web));
                }

                cursor = page.Cursor;
                Directory.CreateDirectory(Path.GetDirectoryName(cursorFile)!);
                await File.WriteAllTextAsync(cursorFile, cursor, CancellationToken.None);
                if (!page.HasMore)
                {
                    if (!line.Has("follow"))
                    {
                        return 0;
                    }

                    await Task.Delay(IdleWait, ct);
                }
            }

            return 0;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return 0;
        }
        finally
        {
            await gateway.LogOutAsync();
        }
    }
}
