namespace Esf.Api.Cli;

/// <summary>Runs a verb and turns its expected failures into a message on stderr and an exit code (1 failed, 2 misused).</summary>
public static class CliRunner
{
    public static async Task<int> RunAsync(CliEnvironment environment, string help, Func<Task<int>> verb)
    {
        try
        {
            return await verb();
        }
        catch (CliException e)
        {
            await environment.Error.WriteLineAsync($"error: {e.Message}");
            if (e.ExitCode == CliException.Usage)
            {
                await environment.Error.WriteLineAsync(help);
            }

            return e.ExitCode;
        }
    }
}
