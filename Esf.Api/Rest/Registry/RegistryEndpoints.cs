using System.Text;
using Esf.Api.Rest.Auth;
using Esf.Api.Rest.Problems;
using Esf.Infrastructure;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Registry;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Esf.Api.Rest.Registry;

/// <summary>
/// /api/v1/admin/registry/{name}: bulk import of a registry from CSV, protected by the configured admin key (Esf:AdminApiKey,
/// header X-Admin-Key; no key configured = import disabled). /api/v1/enterprises/validate: enterpriseValidation over REST.
/// </summary>
public static class RegistryEndpoints
{
    public const string AdminKeyHeader = "X-Admin-Key";

    public static RouteGroupBuilder MapRegistryEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/admin/registry/{name}", ImportAsync)
            .WithTags("Registry")
            .WithName("ImportRegistry")
            .WithSummary("Import a registry from CSV (admin)")
            .WithDescription("Body: text/csv with a header line naming the columns. Good lines are upserted by the registry's key " +
                "(importing twice changes nothing); bad lines are reported by line number. Registries: " +
                string.Join(", ", RegistryTables.All.Select(t => t.Name)) + ".")
            .Accepts<string>("text/csv")
            .ProducesRestProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound);

        api.MapPost("/enterprises/validate", ValidateAsync)
            .WithTags("Registry")
            .WithName("ValidateEnterprises")
            .WithSummary("Check enterprises' registration data (enterpriseValidation)")
            .WithDescription("For each key: SUCCESS, TIN_ABSENT, CERTIFICATE_SERIES_OR_CERTIFICATE_NUM_ABSENT, BANK_NOT_FOUND, IIK_ABSENT or BIK_ABSENT.")
            .ProducesRestProblems(StatusCodes.Status400BadRequest);
        return api;
    }

    private static async Task<Ok<RegistryImportReport>> ImportAsync(
        string name, HttpRequest request, IOptions<EsfOptions> options, RegistryImporter importer, CancellationToken ct)
    {
        SystemKeys.Require(request, AdminKeyHeader, options.Value.AdminApiKey, "Registry import", "Esf:AdminApiKey");

        var table = RegistryTables.Find(name) ?? throw EsfException.NotFound($"No registry named «{name}»");
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var csv = await reader.ReadToEndAsync(ct);
        return TypedResults.Ok(await importer.ImportAsync(table, csv, ct));
    }

    private static async Task<Ok<IReadOnlyList<EnterpriseValidationResult>>> ValidateAsync(
        List<EnterpriseKey>? keys, BearerSession bearer, EnterpriseValidator validator, CancellationToken ct)
    {
        if (keys is not { Count: > 0 } || keys.Any(k => k is null))
        {
            throw EsfException.InvalidInput("a non-empty list of enterprise keys is required");
        }

        // JSON binding leaves a missing field null although the contract says string (L8: that was a null reference, 500).
        foreach (var key in keys)
        {
            RequiredFields.Check(("tin", key.Tin), ("certificateSeries", key.CertificateSeries), ("certificateNum", key.CertificateNum));
        }

        return TypedResults.Ok(await validator.ValidateAsync(keys, ct));
    }
}
