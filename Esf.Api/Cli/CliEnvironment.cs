namespace Esf.Api.Cli;

/// <summary>
/// Where a verb writes and which directory it resolves relative paths (and .esf/demo.json) against; tests pass their own.
/// </summary>
public sealed record CliEnvironment(TextWriter Out, TextWriter Error, string WorkingDirectory)
{
    public static CliEnvironment Console => new(System.Console.Out, System.Console.Error, Directory.GetCurrentDirectory());

    public string Resolve(string path) => Path.GetFullPath(path, WorkingDirectory);
}
