using System.Text;

namespace Esf.Api.Cli;

/// <summary>
/// An invoice body read from disk the way it is sent: UTF-8 text without a byte-order mark, since the API carries the body as a
/// JSON or XML string and the signature must cover exactly the bytes the gateway will see.
/// </summary>
public static class InvoiceFile
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string ReadBody(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliException($"Invoice file not found: {path}");
        }

        var bytes = File.ReadAllBytes(path).AsSpan();
        if (bytes.StartsWith(Encoding.UTF8.Preamble))
        {
            bytes = bytes[Encoding.UTF8.Preamble.Length..];
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new CliException($"{path} is not UTF-8 text; save the invoice as UTF-8.");
        }
    }
}
