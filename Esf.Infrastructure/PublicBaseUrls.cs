namespace Esf.Infrastructure;

/// <summary>
/// The gateway's public address (<see cref="EsfOptions.PublicBaseUrl"/>): what a link or a WSDL address handed to a client starts
/// with. A request's Host and scheme are chosen by the caller (or rewritten by a proxy), so they never are (security review M6, L11).
/// </summary>
public static class PublicBaseUrls
{
    /// <summary>Unset, or an absolute http(s) URI without query or fragment.</summary>
    public static bool IsValid(string? value) =>
        string.IsNullOrWhiteSpace(value)
        || (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Query.Length == 0
            && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0);

    /// <summary>
    /// The configured address, or (development only, validated at start) the first address the server listens on, a wildcard host
    /// read as localhost. Never ends with a slash.
    /// </summary>
    public static string Resolve(string? configured, IEnumerable<string> listeningAddresses)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.TrimEnd('/');
        }

        var listening = listeningAddresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Esf:PublicBaseUrl is not set and the server listens on no address.");
        var builder = new UriBuilder(listening.Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal));
        if (builder.Host is "0.0.0.0" or "[::]" or "::")
        {
            builder.Host = "localhost";
        }

        return builder.Uri.GetLeftPart(UriPartial.Authority) + builder.Path.TrimEnd('/');
    }
}
