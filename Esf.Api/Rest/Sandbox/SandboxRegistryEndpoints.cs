using Esf.Infrastructure.Errors;
using Esf.Api.Rest.Participants;
using Esf.Api.Rest.Problems;
using Esf.Domain.Taxpayers;
using Esf.Infrastructure;
using Esf.Infrastructure.Participants;
using Esf.Infrastructure.Sandbox;
using Esf.Infrastructure.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Esf.Api.Rest.Sandbox;

/// <summary>POST /sandbox/taxpayers and /sandbox/users: a world of test taxpayers and their users on demand.</summary>
public static class SandboxRegistryEndpoints
{
    /// <summary>How often a generated ИИН/БИН is drawn again when it is taken, before the conflict is answered.</summary>
    private const int GeneratedNumberAttempts = 5;

    public static RouteGroupBuilder MapSandboxRegistryEndpoints(this RouteGroupBuilder sandbox)
    {
        sandbox.MapPost("/taxpayers", AddTaxpayerAsync)
            .WithName("CreateSandboxTaxpayer")
            .WithSummary("Create a test taxpayer")
            .WithDescription("ЮЛ, ИП or ФЛ, resident or not, a VAT payer with its certificate, categories (" +
                string.Join(", ", SandboxRegistry.Categories) + "), bank accounts, a head office (a branch) and successors. " +
                "A missing tin is generated with a correct control digit; a given one must have it.")
            .ProducesRestProblems(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict);

        sandbox.MapPost("/users", AddUserAsync)
            .WithName("CreateSandboxUser")
            .WithSummary("Create a test user")
            .WithDescription("A user of one or more existing enterprises with a password and a business profile (the rights) in each.")
            .ProducesRestProblems(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict);
        return sandbox;
    }

    private static async Task<Created<TaxpayerView>> AddTaxpayerAsync(
        CreateTaxpayerBody body, SandboxRegistry registry, TimeProvider clock, CancellationToken ct)
    {
        var kind = ParticipantKinds.Parse(body.Kind);
        var categories = body.Categories ?? [];
        if (categories.Except(SandboxRegistry.Categories).ToList() is { Count: > 0 } unknown)
        {
            throw EsfException.InvalidInput($"Unknown categories {string.Join(", ", unknown)}; known: {string.Join(", ", SandboxRegistry.Categories)}.");
        }

        var today = KazakhstanTime.Today(clock);
        // A generated number has 5 random digits a month (4 a birth date): in a busy sandbox two requests can draw the same one,
        // which is ours to avoid, not the client's conflict. Only a number the client chose answers 409.
        for (var attempt = 1; ; attempt++)
        {
            var tin = body.Tin ?? TaxpayerNumbers.New(kind, body.Resident, body.HeadOfficeTin is not null, today);
            RequireValid("tin", tin);
            var vat = body.VatPayer
                ? new VatRegistration(body.VatCertificateSeries ?? tin[..5], body.VatCertificateNum ?? tin[5..], new DateOnly(2020, 1, 1))
                : null;
            var taxpayer = new TestTaxpayer(tin, kind, body.Name ?? $"Тестовый налогоплательщик {tin}", body.Address, body.Resident, vat,
                categories, body.BankAccounts ?? [], body.HeadOfficeTin, body.Successors ?? []);
            if (await registry.AddTaxpayerAsync(taxpayer, ct))
            {
                return TypedResults.Created($"{RestEndpointExtensions.RoutePrefix}/sandbox/taxpayers/{tin}", new TaxpayerView(tin, body.Kind,
                    taxpayer.Name, taxpayer.Address, taxpayer.Resident, vat, categories, taxpayer.BankAccounts, taxpayer.HeadOfficeTin, taxpayer.Successors));
            }

            if (body.Tin is not null || attempt == GeneratedNumberAttempts)
            {
                throw Conflict($"A taxpayer with ИИН/БИН {tin} already exists.");
            }
        }
    }

    private static async Task<Created<UserView>> AddUserAsync(CreateUserBody body, SandboxRegistry registry, TimeProvider clock, CancellationToken ct)
    {
        RequiredFields.Check(("password", body.Password), ("enterprises", body.Enterprises is { Count: > 0 } ? body.Enterprises : null));
        if (body.Enterprises.FirstOrDefault(e => !BusinessProfileTypes.IsKnown(e.BusinessProfileType)) is { } wrong)
        {
            throw EsfException.InvalidInput(
                $"businessProfileType «{wrong.BusinessProfileType}» is unknown; one of {string.Join(", ", BusinessProfileTypes.All)}.");
        }

        var login = body.Login ?? TaxpayerNumbers.New(ParticipantKind.Individual, resident: true, branch: false, KazakhstanTime.Today(clock));
        RequireValid("login", login);
        var user = new TestUser(login, body.Password, body.FirstName, body.LastName, body.Enterprises);
        if (!await registry.AddUserAsync(user, ct))
        {
            throw Conflict($"The login {login} already exists, or an enterprise of {string.Join(", ", body.Enterprises.Select(e => e.Tin))} is unknown.");
        }

        return TypedResults.Created($"{RestEndpointExtensions.RoutePrefix}/sandbox/users/{login}", new UserView(login, body.Password, body.Enterprises));
    }

    private static void RequireValid(string field, string number)
    {
        if (!TaxpayerNumber.IsValid(number))
        {
            throw EsfException.InvalidInput($"{field} {number} is not an ИИН/БИН: twelve digits whose last is the control digit of the others.");
        }
    }

    private static EsfException Conflict(string detail) => EsfException.Conflict(detail, "CONFLICT");
}
