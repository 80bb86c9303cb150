using Dapper;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Registration;
using Esf.Infrastructure.Registry;
using Esf.Infrastructure.Security;
using Esf.Infrastructure.Sessions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace Esf.Infrastructure.Persistence;

/// <summary>The database and the application services that use it.</summary>
public static class PersistenceSetup
{
    public static IServiceCollection AddEsfPersistence(this IServiceCollection services, string connectionString)
    {
        // Columns are snake_case, properties PascalCase.
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        services.AddSingleton(NpgsqlDataSource.Create(connectionString));
        // TryAdd: a test host registers its own clock first (e.g. to fix the time the НУЦ РК test certificates are valid at).
        services.TryAddSingleton(TimeProvider.System);
        services.AddEsfSecurity();
        services.AddSingleton<SessionService>();
        services.AddSingleton<InvoiceUploader>();
        services.AddSingleton<InvoiceQueries>();
        services.AddEsfDocumentFlow();
        services.AddSingleton<InvoiceRegistrar>();
        services.AddSingleton<RegistryWriter>();
        services.AddSingleton<RegistryImporter>();
        services.AddSingleton<RegistrySeed>();
        services.AddSingleton<EnterpriseValidator>();
        services.AddSingleton<Registration.InvoiceValidator>();
        services.AddSingleton<Demo.DemoSeeder>();
        return services;
    }
}
