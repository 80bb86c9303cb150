using Esf.Api.Rest.Auth;
using Esf.Infrastructure;

namespace Esf.Api.Rest.Registry;

/// <summary>
/// The operator's imports (registries, ДТ and ФНО 328.00) are protected by the configured admin key (Esf:AdminApiKey, header
/// X-Admin-Key; no key configured = import disabled).
/// </summary>
public static class AdminKey
{
    public const string Header = "X-Admin-Key";

    public static void Require(HttpRequest request, EsfOptions options, string what) =>
        SystemKeys.Require(request, Header, options.AdminApiKey, what, "Esf:AdminApiKey");
}
