using System.Text;
using Esf.Api.Rest.Auth;
using Esf.Api.Rest.Problems;
using Esf.Api.Rest.Registry;
using Esf.Domain.Warehouse;
using Esf.Infrastructure;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Warehouse;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Esf.Api.Rest.Warehouse;

/// <summary>
/// The sources of goods: the operator's import of ДТ and ФНО 328.00 positions (admin key, standing in for the customs and tax
/// systems), the taxpayer's lists «ДТ» and «ФНО 328.00», and the search of the global catalogue ГС ВС (imported as the
/// registry <c>gsvs</c>).
/// </summary>
public static class GoodsSourceEndpoints
{
    private static readonly IReadOnlyDictionary<string, GoodsSourceKind> Kinds = new Dictionary<string, GoodsSourceKind>
    {
        ["dt"] = GoodsSourceKind.CustomsDeclaration,
        ["fno-328"] = GoodsSourceKind.ImportApplication,
    };

    public static RouteGroupBuilder MapGoodsSourceEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/admin/goods-sources/{kind}", ImportAsync).WithTags("Virtual warehouse").WithName("ImportGoodsSources")
            .WithSummary("Import ДТ (kind dt) or ФНО 328.00 (kind fno-328) positions and credit them to each importer's default warehouse (admin)")
            .WithDescription("Body: text/csv with a header line, or a JSON array of objects (camelCase). Columns: " +
                string.Join(", ", GoodsSourceFile.Columns) + ". Each position is credited once: importing it again counts it as alreadyCredited. " +
                "A position whose importer has no default warehouse is rejected (VS-05) and may be imported again later.")
            .Accepts<string>("text/csv", "application/json")
            .ProducesRestProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound);
        api.MapGet("/goods-sources/{kind}", ListAsync).WithTags("Virtual warehouse").WithName("ListGoodsSources")
            .WithSummary("The enterprise's ДТ (kind dt) or ФНО 328.00 (kind fno-328) positions and where they were credited")
            .ProducesRestProblems(StatusCodes.Status404NotFound);
        api.MapGet("/gsvs", SearchAsync).WithTags("Virtual warehouse").WithName("SearchGsvsCatalogue")
            .WithSummary("Search the global catalogue ГС ВС by code prefix and/or part of the name (at most 200 positions)");
        return api;
    }

    private static async Task<Ok<GoodsSourceImportReport>> ImportAsync(
        string kind, HttpRequest request, IOptions<EsfOptions> options, GoodsSourceImporter importer, CancellationToken ct)
    {
        AdminKey.Require(request, options.Value, "ДТ and ФНО 328.00 import");
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(ct);
        var json = request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true;
        return TypedResults.Ok(await importer.ImportAsync(Kind(kind), text, json, ct));
    }

    private static async Task<Ok<IReadOnlyList<GoodsSourceRecord>>> ListAsync(string kind, BearerSession bearer, GoodsSourceQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.ListAsync(bearer.Context, Kind(kind), ct));

    /// <summary>The catalogue is the same for every taxpayer; the session is asked for the right VIEW, as every read.</summary>
    private static async Task<Ok<IReadOnlyList<GsvsEntry>>> SearchAsync(string? code, string? name, BearerSession bearer, GoodsSourceQueries queries,
        CancellationToken ct) =>
        string.IsNullOrWhiteSpace(code) && string.IsNullOrWhiteSpace(name)
            ? throw EsfException.InvalidInput("Give code (a prefix) or name (a part of it), or both.")
            : TypedResults.Ok(await queries.SearchCatalogueAsync(bearer.Context, Blank(code), Blank(name), ct));

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static GoodsSourceKind Kind(string kind) =>
        Kinds.TryGetValue(kind, out var known) ? known : throw EsfException.NotFound($"No source of goods «{kind}» (dt, fno-328).");
}
