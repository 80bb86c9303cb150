using Esf.Api.Printing;
using Esf.Api.Rest.Auth;
using Esf.Api.Rest.ApiKeys;
using Esf.Api.Rest.Drafts;
using Esf.Api.Rest.Employees;
using Esf.Api.Rest.Exports;
using Esf.Api.Rest.Imports;
using Esf.Api.Rest.GovernmentSystems;
using Esf.Api.Rest.Invoices;
using Esf.Api.Rest.Limits;
using Esf.Api.Rest.Notifications;
using Esf.Api.Rest.OpenApi;
using Esf.Api.Rest.Participants;
using Esf.Api.Rest.Procurement;
using Esf.Api.Rest.Problems;
using Esf.Api.Rest.Registry;
using Esf.Api.Rest.Reports;
using Esf.Api.Rest.Rules;
using Esf.Api.Rest.Sandbox;
using Esf.Api.Rest.Status;
using Esf.Api.Rest.Sessions;
using Esf.Api.Rest.Updates;
using Esf.Api.Rest.Waybills;
using Esf.Api.Rest.Warehouse;
using Esf.Api.Rest.Webhooks;

namespace Esf.Api.Rest;

/// <summary>Wires the REST/JSON API under <see cref="RoutePrefix"/>: its problems, its OpenAPI document and its endpoints.</summary>
public static class RestEndpointExtensions
{
    public const string RoutePrefix = "/api/v1";

    public static IServiceCollection AddRestEndpoints(this IServiceCollection services)
    {
        services.AddProblemDetails(options =>
            options.CustomizeProblemDetails = context => StatusProblemDefaults.Apply(context.ProblemDetails));
        services.AddExceptionHandler<RestExceptionHandler>();
        services.AddRestOpenApi();
        services.AddSingleton<LongResponses>();
        return services;
    }

    public static WebApplication MapRestEndpoints(this WebApplication app)
    {
        app.UseExceptionHandler();
        // Errors answered without a body (unknown route, wrong method, unreadable JSON, a body over Esf:MaxRequestBytes)
        // get a problem body too.
        app.UseStatusCodePages();
        app.UseRestOpenApi();

        app.MapGroup(RoutePrefix)
            .ProducesRestProblems(StatusCodes.Status500InternalServerError)
            .MapSessionEndpoints()
            .MapInvoiceEndpoints()
            .MapInvoiceStatusEndpoints()
            .MapInvoiceSearchEndpoints()
            .MapWaybillEndpoints()
            .MapDraftEndpoints()
            .MapImportEndpoints()
            .MapUpdateEndpoints()
            .MapApiKeyEndpoints()
            .MapPowerOfAttorneyEndpoints()
            .MapEmployeeEndpoints()
            .MapEnterpriseEndpoints()
            .MapRegistrationEndpoints()
            .MapRuleEndpoints()
            .MapRegistryEndpoints()
            .MapExportEndpoints()
            .MapWebhookEndpoints()
            .MapNotificationEndpoints()
            .MapReportEndpoints()
            .MapIsgoEndpoints()
            .MapProcurementEndpoints()
            .MapPrintEndpoints()
            .MapWarehouseEndpoints()
            .MapGoodsSourceEndpoints()
            .MapWarehouseFormEndpoints()
            .MapFnoMatchingEndpoints()
            .MapBalanceExportEndpoints()
            .MapSandboxEndpoints()
            .MapStatusEndpoints()
            .MapLimitEndpoints();
        return app;
    }
}
