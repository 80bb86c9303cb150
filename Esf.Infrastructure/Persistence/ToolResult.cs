namespace Esf.Infrastructure.Persistence;

/// <summary>How an <see cref="ExternalTool"/> run ended: exit code and what it wrote.</summary>
internal sealed record ToolResult(string CommandLine, int ExitCode, string Output, string Error)
{
    public string Describe() =>
        $"'{CommandLine}' exited with {ExitCode}{Environment.NewLine}{Output.TrimEnd()}{Environment.NewLine}{Error.TrimEnd()}".TrimEnd();
}
