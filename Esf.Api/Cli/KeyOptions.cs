namespace Esf.Api.Cli;

/// <summary>Chooses the signing key from <c>--pkcs12</c>, <c>--key</c>/<c>--cert</c> or, with neither, .esf/demo.json.</summary>
public static class KeyOptions
{
    public static readonly IReadOnlyDictionary<string, OptionKind> Names = new Dictionary<string, OptionKind>
    {
        ["pkcs12"] = OptionKind.Value,
        ["key"] = OptionKind.Value,
        ["cert"] = OptionKind.Value,
    };

    /// <param name="passwordOption">The option holding the key's password (<c>upload</c> keeps <c>--password</c> for the account).</param>
    public static SigningKey Load(CommandLine line, string passwordOption, DemoSettings demo, CliEnvironment environment)
    {
        var password = line.Get(passwordOption);
        if (line.Get("pkcs12") is { } pkcs12)
        {
            return SigningKey.FromPkcs12(environment.Resolve(pkcs12), password);
        }

        if (line.Get("key") is { } key)
        {
            var cert = line.Get("cert")
                ?? throw new CliException("--key needs --cert with the matching certificate (PEM).", CliException.Usage);
            return SigningKey.FromPem(environment.Resolve(key), environment.Resolve(cert), password);
        }

        if (demo.Pkcs12Path is { } demoPkcs12)
        {
            return SigningKey.FromPkcs12(demoPkcs12, password ?? demo.Pkcs12Password);
        }

        throw new CliException(
            "No signing key: pass --pkcs12 <file.p12> or --key <key.pem> --cert <cert.pem>, "
            + $"or run 'esf serve' once to create {DemoSettings.RelativePath}.",
            CliException.Usage);
    }
}
