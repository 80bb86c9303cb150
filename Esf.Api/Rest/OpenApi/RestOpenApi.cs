using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Esf.Api.Rest.OpenApi;

/// <summary>The Swagger document of the REST API (served at /swagger, committed as contracts/openapi.json).</summary>
public static class RestOpenApi
{
    public const string DocumentName = "v1";
    public const string BearerSchemeName = "Bearer";
    public const string SandboxKeySchemeName = "SandboxKey";

    public static IServiceCollection AddRestOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "Esf Gateway REST API",
                Version = DocumentName,
                Description = "JSON access to the electronic invoice (ЭСФ) gateway, beside the SOAP API at /esf-web/ws/api1/.",
            });
            // Only the REST surface belongs in this document; SOAP is described by its WSDL.
            options.DocInclusionPredicate((_, description) =>
                description.RelativePath?.StartsWith(RestEndpointExtensions.RoutePrefix.TrimStart('/'), StringComparison.Ordinal) == true);
            options.AddSecurityDefinition(BearerSchemeName, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "The sessionId answered by POST /api/v1/sessions (the same session ids as SOAP).",
            });
            options.AddSecurityDefinition(SandboxKeySchemeName, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = Sandbox.SandboxFence.KeyHeader,
                Description = "The sandbox key (sandboxKey in .esf/demo.json, or Esf:Sandbox:Key); the sandbox answers 404 while it is off.",
            });
            // A body kept as UTF-8 bytes is a JSON string on the wire (Utf8BodyJsonConverter).
            options.MapType<Infrastructure.Invoices.Utf8Body>(() => new OpenApiSchema { Type = JsonSchemaType.String });
            options.OperationFilter<BearerSecurityOperationFilter>();
            options.OperationFilter<DateParameterOperationFilter>();
            options.SupportNonNullableReferenceTypes();
            options.NonNullableReferenceTypesAsRequired();
        });
        return services;
    }

    /// <summary>
    /// The document always (it is the published contract, contracts/openapi.json); the browsable UI only in Development or
    /// with <c>Esf:Http:SwaggerUi=true</c>, so that a production gateway does not invite exploring its API.
    /// </summary>
    public static WebApplication UseRestOpenApi(this WebApplication app)
    {
        app.UseSwagger();
        if (!app.Environment.IsDevelopment() && !app.Services.GetRequiredService<IOptions<Hosting.HttpOptions>>().Value.SwaggerUi)
        {
            return app;
        }

        app.UseSwaggerUI(options => options.SwaggerEndpoint($"/swagger/{DocumentName}/swagger.json", "Esf Gateway REST API v1"));
        return app;
    }
}
