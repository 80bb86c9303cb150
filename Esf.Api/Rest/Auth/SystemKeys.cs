using System.Security.Cryptography;
using System.Text;
using Esf.Infrastructure.Errors;

namespace Esf.Api.Rest.Auth;

/// <summary>The configured keys of systems (the admin's registry import, the procurement portal) checked on a request header.</summary>
public static class SystemKeys
{
    /// <summary>Throws 401 unless the header holds the configured key; no key configured = the API is closed.</summary>
    public static void Require(HttpRequest request, string header, string? expected, string what, string setting)
    {
        var given = request.Headers[header].ToString();
        if (string.IsNullOrEmpty(expected) || !Same(given, expected))
        {
            // No valid credential: the kind of a closed session, so the status is 401 like a missing bearer's.
            throw new EsfException(EsfFaultKind.SessionClosed, $"{what} needs the header {header} with the configured {setting}", "ACCESS_DENIED");
        }
    }

    /// <summary>
    /// Compares the SHA-256 of both keys in constant time: FixedTimeEquals on the keys themselves returns at once when the
    /// lengths differ, which tells a caller the key's length (security review L12).
    /// </summary>
    private static bool Same(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
