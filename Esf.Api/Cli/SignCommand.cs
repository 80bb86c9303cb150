namespace Esf.Api.Cli;

/// <summary>
/// <c>esf sign</c>: prints the <c>signature</c> value for an invoice file, and optionally the certificate to send with it.
/// </summary>
public static class SignCommand
{
    private const string Help = """
        Usage: esf sign --invoice <file.xml> [--pkcs12 <file.p12> [--password <pw>] | --key <key.pem> --cert <cert.pem> [--password <pw>]]
                        [--certificate-out [<file>]]

        Prints the Base64 RSA PKCS#1 v1.5 SHA-256 signature over the invoice's UTF-8 bytes (a leading BOM is dropped, as the body
        is sent as text): the value of the 'signature' field. Without key options, the key named in .esf/demo.json is used.
        --certificate-out writes the Base64 DER certificate to <file>, or prints it on a second line when no file is given.
        """;

    private static readonly IReadOnlyDictionary<string, OptionKind> Options = new Dictionary<string, OptionKind>(KeyOptions.Names)
    {
        ["invoice"] = OptionKind.Value,
        ["password"] = OptionKind.Value,
        ["certificate-out"] = OptionKind.OptionalValue,
    };

    public static Task<int> RunAsync(string[] args) => RunAsync(args, CliEnvironment.Console);

    public static Task<int> RunAsync(string[] args, CliEnvironment environment) =>
        CliRunner.RunAsync(environment, Help, () => Task.FromResult(Sign(CommandLine.Parse(args, Options), environment)));

    private static int Sign(CommandLine line, CliEnvironment environment)
    {
        if (line.WantsHelp)
        {
            environment.Out.WriteLine(Help);
            return 0;
        }

        var invoice = line.Get("invoice") ?? line.Positionals.FirstOrDefault()
            ?? throw new CliException("Name the invoice to sign: --invoice <file.xml>.", CliException.Usage);
        var body = InvoiceFile.ReadBody(environment.Resolve(invoice));
        using var key = KeyOptions.Load(line, "password", DemoSettings.Load(environment), environment);
        environment.Out.WriteLine(key.Sign(body));

        if (line.Has("certificate-out"))
        {
            if (line.Get("certificate-out") is { } certificateFile)
            {
                File.WriteAllText(environment.Resolve(certificateFile), key.CertificateBase64);
            }
            else
            {
                environment.Out.WriteLine(key.CertificateBase64);
            }
        }

        return 0;
    }
}
