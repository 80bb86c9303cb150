using Esf.Api.Soap.Framework;
using Esf.Api.Soap.Invoices;
using Esf.Api.Soap.Sessions;
using Esf.Api.Soap.Snt;
using Esf.Api.Soap.Uploads;
using Esf.Api.Soap.Versions;

namespace Esf.Api.Soap;

/// <summary>Registers and maps the ESF SOAP services under /esf-web/ws/api1/{Service} (POST = call, GET ?wsdl = contract).</summary>
public static class SoapEndpointExtensions
{
    public const string BasePath = "/esf-web/ws/api1";

    public static IServiceCollection AddSoapEndpoints(this IServiceCollection services)
    {
        services.AddSingleton<SoapEndpointHandler>();
        services.AddSingleton<WsdlDocuments>();
        services.AddScoped<AuthOperations>();
        services.AddScoped<SessionOperations>();
        services.AddScoped<UploadOperations>();
        services.AddScoped<InvoiceOperations>();
        services.AddScoped<InvoiceStatusOperations>();
        services.AddScoped<QueryUpdatesOperation>();
        services.AddScoped<InvoiceSearchOperations>();
        services.AddScoped<SntOperations>();
        return services;
    }

    public static IEndpointRouteBuilder MapSoapEndpoints(this IEndpointRouteBuilder app)
    {
        SoapServiceDefinition[] services =
        [
            VersionOperations.Define(),
            AuthOperations.Define(),
            SessionOperations.Define(),
            UploadOperations.Define(),
            InvoiceOperations.Define(),
            SntOperations.Define(),
        ];

        var group = app.MapGroup(BasePath).WithTags("SOAP").ExcludeFromDescription();
        foreach (var service in services)
        {
            group.MapPost(service.Name, (HttpContext http, SoapEndpointHandler handler) => handler.HandleAsync(http, service));
            group.MapGet(service.Name, (HttpContext http, WsdlDocuments wsdl) => http.Request.Query.Keys.Any(k => k.Equals("wsdl", StringComparison.OrdinalIgnoreCase))
                ? wsdl.WriteAsync(http, service.Name)
                : Results.Text($"{service.Name}: POST SOAP 1.1 messages here; the contract is at ?wsdl.", "text/plain").ExecuteAsync(http));
        }

        return app;
    }
}
