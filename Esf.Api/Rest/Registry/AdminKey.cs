using System.Security.Cryptography;
using System.Text;
using Esf.Infrastructure;
using Esf.Infrastructure.Errors;

namespace Esf.Api.Rest.Registry;

/// <summary>
/// The operator's imports (registries, ДТ and ФНО 328.00) are protected by the configured admin key (Esf:AdminApiKey, header
/// X-Admin-Key; no key configured = import disabled).
/// </summary>
public static class AdminKey
{
    public const string Header = "X-Admin-Key";

    public static void Require(HttpRequest request, EsfOptions options, string what)
    {
        var expected = options.AdminApiKey;
        if (string.IsNullOrEmpty(expected) || !SameKey(request.Headers[Header].ToString(), expected))
        {
            // No valid credential: the kind of a closed session, so the status is 401 like a missing bearer's.
            throw new EsfException(EsfFaultKind.SessionClosed, $"{what} needs the header {Header} with the configured Esf:AdminApiKey", "ACCESS_DENIED");
        }
    }

    /// <summary>
    /// Compares the SHA-256 of both keys in constant time: FixedTimeEquals on the keys themselves returns at once when the
    /// lengths differ, which tells a caller the key's length (security review L12).
    /// </summary>
    private static bool SameKey(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
