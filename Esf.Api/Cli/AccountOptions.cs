using Esf.Api.Rest.Sessions;

namespace Esf.Api.Cli;

/// <summary>
/// The log-in every read verb (status, export, updates) shares: --url, --tin, --login, --password and the key whose certificate
/// opens the session, with .esf/demo.json filling what is left out.
/// </summary>
public static class AccountOptions
{
    public static readonly IReadOnlyDictionary<string, OptionKind> Names = new Dictionary<string, OptionKind>(KeyOptions.Names)
    {
        ["url"] = OptionKind.Value,
        ["tin"] = OptionKind.Value,
        ["login"] = OptionKind.Value,
        ["password"] = OptionKind.Value,
        ["pkcs12-password"] = OptionKind.Value,
    };

    public const string Help = "[--url <http://127.0.0.1:8080>] [--tin <БИН>] [--login <ИИН>] [--password <pw>] "
        + "[--pkcs12 <file.p12> [--pkcs12-password <pw>] | --key <key.pem> --cert <cert.pem>]";

    public static Dictionary<string, OptionKind> With(params (string Name, OptionKind Kind)[] extra)
    {
        var names = new Dictionary<string, OptionKind>(Names);
        foreach (var (name, kind) in extra)
        {
            names[name] = kind;
        }

        return names;
    }

    /// <summary>A client logged in as the account; dispose it after <see cref="GatewayClient.LogOutAsync"/>.</summary>
    public static async Task<GatewayClient> LogInAsync(CommandLine line, CliEnvironment environment, CancellationToken ct)
    {
        var demo = DemoSettings.Load(environment);
        var url = line.Get("url") ?? demo.Url ?? UploadOptions.DefaultUrl;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            throw new CliException($"--url must be an absolute URL such as {UploadOptions.DefaultUrl}, not '{url}'.", CliException.Usage);
        }

        using var key = KeyOptions.Load(line, "pkcs12-password", demo, environment);
        var gateway = new GatewayClient(new HttpClient { BaseAddress = uri, Timeout = Timeout.InfiniteTimeSpan });
        await gateway.LogInAsync(new CreateSessionBody(
            Required(line.Get("tin") ?? demo.SellerTin, "--tin"), key.CertificateBase64,
            Required(line.Get("login") ?? demo.UserIin, "--login"), Required(line.Get("password") ?? demo.Password, "--password")), environment.Error, ct);
        return gateway;
    }

    private static string Required(string? value, string option) =>
        value ?? throw new CliException($"{option} is required (or run 'esf serve' once to create {DemoSettings.RelativePath}).", CliException.Usage);
}
