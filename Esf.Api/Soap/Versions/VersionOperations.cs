using Esf.Api.Soap.Framework;

namespace Esf.Api.Soap.Versions;

/// <summary>VersionService: the unauthenticated probe clients call before anything else.</summary>
public static class VersionOperations
{
    /// <summary>The value the live service returns (esf-api-facts §5).</summary>
    public const string CurrentVersion = "InvoiceV2";

    /// <summary>
    /// The prefix of the real VersionService is not known; ns2 is what the real CXF SessionService writes for "esf",
    /// so it is the better guess for another small CXF service.
    /// </summary>
    public static SoapServiceDefinition Define() => new SoapServiceDefinition("VersionService", "ns2")
        .Map<EsfVersionRequest, EsfVersionResponse>(
            "esfVersionRequest", "esfVersionResponse", (_, _) => Task.FromResult(new EsfVersionResponse { Version = CurrentVersion }));
}
