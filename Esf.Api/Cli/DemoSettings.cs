using System.Text.Json;

namespace Esf.Api.Cli;

/// <summary>
/// The defaults <c>serve</c> leaves in .esf/demo.json for the demo tenant, so that <c>esf sign</c> and <c>esf upload</c> work
/// against a fresh local gateway without options. Every value can be overridden on the command line.
/// </summary>
public sealed record DemoSettings(
    string? Url = null,
    string? SellerTin = null,
    string? UserIin = null,
    string? Password = null,
    string? Pkcs12Path = null,
    string? Pkcs12Password = null)
{
    public const string RelativePath = ".esf/demo.json";

    /// <summary>The settings in <see cref="RelativePath"/> under the working directory, or none when the file is absent.</summary>
    public static DemoSettings Load(CliEnvironment environment)
    {
        var path = environment.Resolve(RelativePath);
        if (!File.Exists(path))
        {
            return new DemoSettings();
        }

        try
        {
            var settings = JsonSerializer.Deserialize<DemoSettings>(File.ReadAllText(path), JsonSerializerOptions.Web)
                ?? new DemoSettings();
            return settings with { Pkcs12Path = ResolvePkcs12(settings.Pkcs12Path, environment, Path.GetDirectoryName(path)!) };
        }
        catch (JsonException e)
        {
            throw new CliException($"{path} is not valid JSON: {e.Message}");
        }
    }

    /// <summary>A relative key path is taken from the working directory, or else from the folder of demo.json itself.</summary>
    private static string? ResolvePkcs12(string? path, CliEnvironment environment, string demoFolder)
    {
        if (path is null || Path.IsPathRooted(path))
        {
            return path;
        }

        var fromWorkingDirectory = environment.Resolve(path);
        return File.Exists(fromWorkingDirectory) ? fromWorkingDirectory : Path.GetFullPath(path, demoFolder);
    }
}
