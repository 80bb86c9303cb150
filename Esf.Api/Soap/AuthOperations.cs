using Esf.Api.Soap.Framework;

namespace Esf.Api.Soap;

/// <summary>
/// AuthService (createAuthTicket): its WSDL is served so that clients can be generated, but ticket login is a later
/// issue. The "esf" prefix is ns2 for the same reason as VersionService.
/// </summary>
public static class AuthOperations
{
    public static SoapServiceDefinition Define() => new SoapServiceDefinition("AuthService", "ns2").Unsupported("createAuthTicket");
}
