using Dapper;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Registration;
using Esf.Infrastructure.Registry;
using Esf.Infrastructure.Security;
using Esf.Infrastructure.Sessions;
using Microsoft.Extensions.DependencyInjection;
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
        services.AddSingleton(TimeProvider.System);
        services.AddEsfSecurity();
        services.AddSingleton<SessionService>();
        services.AddSingleton<InvoiceUploader>();
        services.AddSingleton<InvoiceQueries>();
        services.AddEsfDocumentFlow();
        services.AddSingleton<InvoiceRegistrar>();
        services.AddSingleton<RegistryWriter>();
        services.AddSingleton<RegistryImporter>();
        services.AddSingleton<Demo.DemoSeeder>();
        return services;
    }
}
