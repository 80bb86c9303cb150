namespace Esf.Api.Cli;

/// <summary>What <c>esf upload</c> was asked to do, with .esf/demo.json filling what the command line leaves out.</summary>
public sealed record UploadOptions(
    IReadOnlyList<string> Files,
    Uri Url,
    string Tin,
    string Login,
    string Password,
    string? IdempotencyKey,
    int BatchSize,
    bool Wait,
    TimeSpan WaitTimeout,
    int Parallel = 1,
    bool Resume = false,
    bool SignedLogin = false)
{
    public const string DefaultUrl = "http://127.0.0.1:8080";

    public static readonly IReadOnlyDictionary<string, OptionKind> Names = new Dictionary<string, OptionKind>(KeyOptions.Names)
    {
        ["url"] = OptionKind.Value,
        ["tin"] = OptionKind.Value,
        ["login"] = OptionKind.Value,
        ["password"] = OptionKind.Value,
        ["pkcs12-password"] = OptionKind.Value,
        ["idempotency-key"] = OptionKind.Value,
        ["batch-size"] = OptionKind.Value,
        ["wait"] = OptionKind.Flag,
        ["parallel"] = OptionKind.Value,
        ["resume"] = OptionKind.Flag,
        ["signed-login"] = OptionKind.Flag,
        ["timeout"] = OptionKind.Value,
    };

    public static UploadOptions From(CommandLine line, DemoSettings demo, CliEnvironment environment)
    {
        var url = line.Get("url") ?? demo.Url ?? DefaultUrl;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            throw new CliException($"--url must be an absolute URL such as {DefaultUrl}, not '{url}'.", CliException.Usage);
        }

        // A signed ticket proves the person: no password, and the login defaults to the ИИН of the key.
        var signedLogin = line.Has("signed-login");
        return new UploadOptions(
            InvoiceFiles(line.Positionals, environment),
            uri,
            Required(line.Get("tin") ?? demo.SellerTin, "--tin"),
            signedLogin ? line.Get("login") ?? "" : Required(line.Get("login") ?? demo.UserIin, "--login"),
            signedLogin ? "" : Required(line.Get("password") ?? demo.Password, "--password"),
            line.Get("idempotency-key"),
            line.GetInt("batch-size", 100),
            line.Has("wait"),
            TimeSpan.FromSeconds(line.GetInt("timeout", 120)),
            line.GetInt("parallel", 1),
            line.Has("resume"),
            signedLogin);
    }

    /// <summary>Files as named, and the *.xml files of named folders in name order.</summary>
    private static List<string> InvoiceFiles(IReadOnlyList<string> arguments, CliEnvironment environment)
    {
        if (arguments.Count == 0)
        {
            throw new CliException("Name the invoice files or folders to upload.", CliException.Usage);
        }

        var files = new List<string>();
        foreach (var path in arguments.Select(environment.Resolve))
        {
            if (Directory.Exists(path))
            {
                var xml = Directory.GetFiles(path, "*.xml").Order(StringComparer.Ordinal).ToList();
                files.AddRange(xml.Count > 0 ? xml : throw new CliException($"No *.xml invoices in {path}"));
            }
            else
            {
                files.Add(File.Exists(path) ? path : throw new CliException($"File or folder not found: {path}"));
            }
        }

        return files;
    }

    private static string Required(string? value, string option) =>
        value ?? throw new CliException(
            $"{option} is required (or run 'esf serve' once to create {DemoSettings.RelativePath}).", CliException.Usage);
}
