using Esf.Infrastructure.Invoices;

namespace Esf.Api.Cli;

/// <summary>
/// <c>esf sign</c>: prints the <c>signature</c> value for an invoice file or an id list (revoke, unrevoke, decline, delete), or
/// the signed auth ticket, with an RSA or an НУЦ РК GOST key; optionally the certificate to send with it.
/// </summary>
public static class SignCommand
{
    private const string Help = """
        Usage: esf sign (--invoice <file.xml> | --ids <file.txt> | --ticket <authSign.xml>)
                        [--pkcs12 <file.p12> [--password <pw>] | --key <key.pem> --cert <cert.pem> [--password <pw>]]
                        [--certificate-out [<file>]]

        --invoice  prints the Base64 signature over the invoice's UTF-8 bytes (a leading BOM is dropped, as the body is sent as
                   text): the value of the 'signature' field.
        --ids      prints the signature of a revoke/unrevoke/decline/delete request: the file has one line per invoice, 'id|reason'
                   (or 'id' for delete), in request order; the signed text is those lines joined by LF (docs/lifecycle.md).
        --ticket   prints the auth ticket (the authSign XML of createAuthTicket or POST /api/v1/sessions/tickets) signed as
                   enveloped XML-DSig, for createSessionSigned or POST /api/v1/sessions/signed.
        RSA keys sign RSA PKCS#1 v1.5 SHA-256 (XML: rsa-sha256); НУЦ РК GOST keys (PKCS#12) sign ГОСТ 34.10-2015 512 or
        ГОСТ 34.310-2004 as Kalkan does. Without key options, the key named in .esf/demo.json is used.
        --certificate-out writes the Base64 DER certificate to <file>, or prints it on a second line when no file is given.
        """;

    private static readonly IReadOnlyDictionary<string, OptionKind> Options = new Dictionary<string, OptionKind>(KeyOptions.Names)
    {
        ["invoice"] = OptionKind.Value,
        ["ids"] = OptionKind.Value,
        ["ticket"] = OptionKind.Value,
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

        var sign = Signer(line, environment);
        using var key = KeyOptions.Load(line, "password", DemoSettings.Load(environment), environment);
        environment.Out.WriteLine(sign(key));

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

    private static Func<SigningKey, string> Signer(CommandLine line, CliEnvironment environment)
    {
        if (line.Get("ids") is { } ids)
        {
            var text = StatusChangeSignature.CanonicalText(IdListFile.Read(environment.Resolve(ids)));
            return key => key.Sign(text);
        }

        if (line.Get("ticket") is { } ticket)
        {
            var xml = InvoiceFile.ReadBody(environment.Resolve(ticket)).Trim();
            return key => key.SignXml(xml);
        }

        var invoice = line.Get("invoice") ?? line.Positionals.FirstOrDefault()
            ?? throw new CliException("Name what to sign: --invoice <file.xml>, --ids <file.txt> or --ticket <authSign.xml>.", CliException.Usage);
        var body = InvoiceFile.ReadBody(environment.Resolve(invoice));
        return key => key.Sign(body);
    }
}
