using Esf.Api.Soap.Auth;
using Esf.Api.Soap.Framework;
using Esf.Infrastructure.Sessions;

namespace Esf.Api.Soap;

/// <summary>
/// AuthService.createAuthTicket: the first step of ticket login (esf-api-facts §4). No UsernameToken is required, as live.
/// The "esf" prefix is ns2 for the same reason as VersionService.
/// </summary>
public sealed class AuthOperations(AuthTickets tickets)
{
    public static SoapServiceDefinition Define() => new SoapServiceDefinition("AuthService", "ns2")
        .Map<CreateAuthTicketRequest, CreateAuthTicketResponse>(
            "createAuthTicketRequest", "createAuthTicketResponse", (r, c) => c.Get<AuthOperations>().CreateAsync(r, c));

    private async Task<CreateAuthTicketResponse> CreateAsync(CreateAuthTicketRequest request, SoapCall call)
    {
        var ticket = await tickets.CreateAsync(request.Iin!.Trim(), request.TtlInMinutes, call.CancellationToken);
        return new CreateAuthTicketResponse { AuthTicketXml = ticket.ToXml() };
    }
}
