using Esf.Infrastructure.Errors;
using Esf.Api.Rest.Problems;
using Esf.Domain.Taxpayers;
using Esf.Infrastructure.Sandbox;
using Esf.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Esf.Api.Rest.Sandbox;

/// <summary>POST /sandbox/keys, /sandbox/keys/{serialNumber}/revoke, GET /sandbox/ca.cer and /sandbox/ca.crl: the test CA.</summary>
public static class SandboxKeyEndpoints
{
    public static RouteGroupBuilder MapSandboxKeyEndpoints(this RouteGroupBuilder sandbox)
    {
        sandbox.MapPost("/keys", IssueAsync)
            .WithName("CreateSandboxKey")
            .WithSummary("Issue a test key")
            .WithDescription("A key pair and certificate from the sandbox CA (SERIALNUMBER=IIN…, OU=BIN…), for AUTH or SIGN, with an optional " +
                "НУЦ РК role (" + string.Join(", ", SandboxRoles.Names) + "), algorithm RSA (the default) or GOST (ГОСТ 34.10-2015 512-bit, " +
                "as the НУЦ РК issues), returned as PKCS#12 (Base64) with its password. The gateway trusts the sandbox CAs while the sandbox is on.")
            .ProducesRestProblems(StatusCodes.Status400BadRequest);

        sandbox.MapPost("/keys/{serialNumber}/revoke", RevokeAsync)
            .WithName("RevokeSandboxKey")
            .WithSummary("Revoke a test key")
            .WithDescription("The key is listed in ca.crl from now on and the gateway refuses it (CERTIFICATE_REVOKED).");

        sandbox.MapGet("/ca.cer", (SandboxAuthority authority, string? algorithm) =>
                TypedResults.File(authority.CertificateDer(AlgorithmOf(algorithm)), "application/pkix-cert", "sandbox-ca.cer"))
            .WithName("GetSandboxCaCertificate")
            .WithSummary("The sandbox CA certificate (DER)")
            .WithDescription("algorithm RSA (the default) or GOST: each has its own CA.")
            .ProducesRestProblems(StatusCodes.Status400BadRequest);

        sandbox.MapGet("/ca.crl", async (SandboxAuthority authority, string? algorithm, CancellationToken ct) =>
                TypedResults.File(await authority.CrlAsync(AlgorithmOf(algorithm), ct), "application/pkix-crl", "sandbox-ca.crl"))
            .WithName("GetSandboxCrl")
            .WithSummary("The sandbox CA's current CRL (DER)")
            .WithDescription("algorithm RSA (the default) or GOST: each CA lists the keys it issued that were revoked.")
            .ProducesRestProblems(StatusCodes.Status400BadRequest);
        return sandbox;
    }

    private static async Task<Created<IssuedKey>> IssueAsync(CreateKeyBody body, SandboxAuthority authority, CancellationToken ct)
    {
        RequiredFields.Check(("iin", body.Iin), ("purpose", body.Purpose));
        var purpose = body.Purpose switch
        {
            "AUTH" => CertificatePurpose.Authentication,
            "SIGN" => CertificatePurpose.Signing,
            _ => throw EsfException.InvalidInput("purpose must be AUTH or SIGN."),
        };
        if (!SandboxRoles.IsKnown(body.Role))
        {
            throw EsfException.InvalidInput($"role must be one of {string.Join(", ", SandboxRoles.Names)}.");
        }

        if (!TaxpayerNumber.IsValid(body.Iin) || (body.Bin is not null && !TaxpayerNumber.IsValid(body.Bin)))
        {
            throw EsfException.InvalidInput("iin and bin must be ИИН/БИН with their control digit.");
        }

        var key = await authority.IssueAsync(new KeyRequest(body.Iin, body.Bin, body.Name ?? "ТЕСТОВ ТЕСТ", purpose, body.Role, AlgorithmOf(body.Algorithm)), ct);
        return TypedResults.Created($"{RestEndpointExtensions.RoutePrefix}/sandbox/keys/{key.SerialNumber}", key);
    }

    private static KeyAlgorithm AlgorithmOf(string? algorithm) => algorithm switch
    {
        null or "RSA" => KeyAlgorithm.Rsa,
        "GOST" => KeyAlgorithm.Gost,
        _ => throw EsfException.InvalidInput("algorithm must be RSA or GOST."),
    };

    private static async Task<NoContent> RevokeAsync(string serialNumber, SandboxAuthority authority, CancellationToken ct) =>
        await authority.RevokeAsync(serialNumber, ct)
            ? TypedResults.NoContent()
            : throw EsfException.NotFound($"The sandbox CA issued no key with serial number {serialNumber}.");
}
