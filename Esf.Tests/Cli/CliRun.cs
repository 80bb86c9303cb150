using Esf.Api.Cli;

namespace Esf.Tests.Cli;

/// <summary>What a verb printed and answered.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}

/// <summary>A scratch working directory in which verbs run with captured output; deleted on dispose.</summary>
public sealed class CliRun : IDisposable
{
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("esf-cli-").FullName;

    public string Path(string relative) => System.IO.Path.Combine(Directory, relative);

    public string Write(string relative, byte[] content)
    {
        var path = Path(relative);
        System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    public Task<CliResult> SignAsync(params string[] args) => RunAsync(SignCommand.RunAsync, args);

    public Task<CliResult> UploadAsync(params string[] args) => RunAsync(UploadCommand.RunAsync, args);

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private async Task<CliResult> RunAsync(Func<string[], CliEnvironment, Task<int>> verb, string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await verb(args, new CliEnvironment(output, error, Directory));
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}
