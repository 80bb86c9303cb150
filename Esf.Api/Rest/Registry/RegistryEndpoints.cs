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
/// /api/v1/registry/calendar: the working-day calendar's listed days of a year.
/// </summary>
public static class RegistryEndpoints
{
    public const string AdminKeyHeader = AdminKey.Header;

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

        api.MapGet("/registry/calendar", ReadCalendarAsync)
            .WithTags("Registry")
            .WithName("ReadWorkingDayCalendar")
            .WithSummary("The working-day calendar of a year")
            .WithDescription("The days the imported registry «calendar» lists for the year: weekdays off (isWorking false: public " +
                "holidays and days off moved onto a weekday) and weekend days made working (isWorking true). Every other day is a working " +
                "day from Monday to Friday. The decline window of a waybill (3 working days) is counted on it.")
            .ProducesRestProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized);
        return api;
    }

    private static async Task<Ok<RegistryImportReport>> ImportAsync(
        string name, HttpRequest request, IOptions<EsfOptions> options, RegistryImporter importer, CancellationToken ct)
    {
        AdminKey.Require(request, options.Value, "Registry import");
        var table = RegistryTables.Find(name) ?? throw EsfException.NotFound($"No registry named «{name}»");
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var csv = await reader.ReadToEndAsync(ct);
        return TypedResults.Ok(await importer.ImportAsync(table, csv, ct));
    }

    private static async Task<Ok<WorkingCalendarYear>> ReadCalendarAsync(
        int? year, BearerSession bearer, WorkingCalendarStore calendar, CancellationToken ct)
    {
        if (year is not { } y || y < DateOnly.MinValue.Year || y > DateOnly.MaxValue.Year)
        {
            throw EsfException.InvalidInput("the query parameter year (e.g. 2026) is required");
        }

        return TypedResults.Ok(new WorkingCalendarYear(y, await calendar.YearAsync(y, ct)));
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
