using Dapper;
using Esf.Infrastructure.Demo;
using Esf.Infrastructure.Export;
using Esf.Infrastructure.Feed;
using Esf.Infrastructure.GovernmentSystems;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Journal;
using Esf.Infrastructure.Messaging;
using Esf.Infrastructure.Participants;
using Esf.Infrastructure.Printing;
using Esf.Infrastructure.Registration;
using Esf.Infrastructure.Registry;
using Esf.Infrastructure.Sandbox;
using Esf.Infrastructure.Search;
using Esf.Infrastructure.Security;
using Esf.Infrastructure.Sessions;
using Esf.Infrastructure.Telemetry;
using Esf.Infrastructure.Waybills;
using Esf.Infrastructure.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Esf.Infrastructure;

/// <summary>
/// The application's services, composed by role (the host decides the roles once, from <c>Esf:Roles</c>): the core every
/// process needs, the services behind the gateway's SOAP and REST endpoints, and the worker's background work.
/// Options are bound and validated by the host before any of this runs.
/// </summary>
public static class EsfServices
{
    /// <summary>
    /// Npgsql's automatic preparation of statements a connection runs again and again, unless the connection string says
    /// otherwise (<c>Max Auto Prepare=0</c>, e.g. behind PgBouncer in transaction mode). Sampling the gateway's store stage showed
    /// PostgreSQL spending 17 % of its CPU there parsing, analysing and planning the same few statements (BENCHMARKS.md,
    /// «the gateway's CPU sampled with perf»); a prepared statement skips the first two.
    /// </summary>
    internal static string WithAutoPrepare(string connectionString)
    {
        // Npgsql's builder answers ContainsKey for every keyword it knows, set or not: ask the raw keys.
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.Keys.Cast<string>().Any(key => key.Replace(" ", "", StringComparison.Ordinal)
                .Equals(nameof(NpgsqlConnectionStringBuilder.MaxAutoPrepare), StringComparison.OrdinalIgnoreCase)))
        {
            return connectionString;
        }

        return new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = AutoPreparedStatements }.ConnectionString;
    }

    /// <summary>Per connection: the upload, session, outbox and worker statements fit with room to spare.</summary>
    private const int AutoPreparedStatements = 64;

    /// <summary>The database, the clock, certificate checks, and the stores both roles read and write.</summary>
    public static IServiceCollection AddEsfCore(this IServiceCollection services, string connectionString)
    {
        // Columns are snake_case, properties PascalCase.
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        services.AddSingleton(NpgsqlDataSource.Create(WithAutoPrepare(connectionString)));
        // TryAdd: a test host registers its own clock first (e.g. to fix the time the НУЦ РК test certificates are valid at).
        services.TryAddSingleton(TimeProvider.System);
        // Every reader of the clock gets the sandbox's offsets (none unless the sandbox sets them) over the configured clock.
        var configured = services.Last(d => d.ServiceType == typeof(TimeProvider));
        services.Remove(configured);
        services.AddSingleton(provider => new SandboxClock(configured.ImplementationInstance as TimeProvider
            ?? (TimeProvider)configured.ImplementationFactory!(provider)));
        services.AddSingleton<TimeProvider>(provider => provider.GetRequiredService<SandboxClock>());
        // The gateway checks login and registration certificates, the worker invoice signatures; both read the trust store at start.
        services.AddSingleton<CertificateValidator>();
        services.AddSingleton<Signatures.ParsedCertificates>();
        services.AddHostedService<TrustMaterialLoader>();
        // The gateway serves the change feed and manages webhooks; the worker's dispatcher delivers them.
        services.AddSingleton<FeedSequencer>();
        services.AddSingleton<FeedReader>();
        services.AddSingleton<WebhookStore>();
        // The inbox of notifications (ADR 0036): written by database triggers, read by the gateway and the dispatcher.
        services.AddSingleton<Notifications.NotificationSequencer>();
        services.AddSingleton<Notifications.NotificationInbox>();
        // TryAdd: a test host maps names to addresses of its choice, so no test resolves or reaches a real host.
        services.TryAddSingleton<IWebhookHostResolver, DnsWebhookHostResolver>();
        services.AddSingleton<WebhookTargetGuard>();
        // The admin import (gateway) and the demo seed (any role).
        services.AddSingleton<RegistryWriter>();
        services.AddSingleton<RegistryImporter>();
        // The sandbox's services exist in every process; its endpoints answer 404 while Esf:Sandbox:Enabled is off.
        services.AddSingleton<SandboxKey>();
        services.AddSingleton<SandboxRegistry>();
        services.AddSingleton<SandboxAuthority>();
        services.AddSingleton<SandboxFaults>();
        services.AddSingleton<SandboxReset>();
        // The gateway's waybill operations (decline, revoke) and the worker record a waybill's effects on its invoices.
        services.AddSingleton<IWaybillStatusConsequences, WaybillStatusConsequences>();
        services.AddSingleton<Warehouse.WarehouseLedger>();
        services.AddSingleton<Warehouse.InvoiceGoods>();
        services.AddSingleton<Warehouse.WaybillGoods>();
        services.AddSingleton<Warehouse.FnoMatchings>();
        services.AddSingleton<Warehouse.WarehouseFormUploader>();
        return services;
    }

    /// <summary>
    /// What the gateway's SOAP and REST endpoints and the web journal call: sessions, uploads, reading, status changes, search,
    /// export, printing and public verification.
    /// </summary>
    public static IServiceCollection AddEsfGatewayServices(this IServiceCollection services)
    {
        services.AddSingleton<AuthTickets>();
        services.AddSingleton<SignedSessions>();
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<SessionService>();
        services.AddSingleton<CredentialRecheck>();
        services.AddSingleton<PowersOfAttorney>();
        services.AddSingleton<Employees.Employees>();
        services.AddSingleton<Enterprises.HeadOffice>();
        services.AddSingleton<OutboxEmailSender>();
        services.AddSingleton<SmtpEmailSender>();
        // SMTP when a server is configured; otherwise the outbox table (development, tests).
        services.AddSingleton<IEmailSender>(provider => provider.GetRequiredService<IOptions<SmtpOptions>>().Value.IsConfigured
            ? provider.GetRequiredService<SmtpEmailSender>()
            : provider.GetRequiredService<OutboxEmailSender>());
        services.AddSingleton<AgreementNonces>();
        services.AddSingleton<ParticipantRegistrations>();
        services.AddSingleton<UploadPublisher>();
        services.AddSingleton<InvoiceUploader>();
        services.AddSingleton<InvoiceQueries>();
        services.AddSingleton<TenantQuotaUsage>();
        services.AddSingleton<InvoiceValidator>();
        services.AddSingleton<Warehouse.WarehouseDryRun>();
        services.AddSingleton<Drafts.InvoiceDrafts>();
        services.AddSingleton<Imports.InvoiceImports>();
        services.AddSingleton<EnterpriseValidator>();
        services.AddSingleton<WorkingCalendarStore>();
        services.AddSingleton<InvoicePrefillService>();
        services.AddSingleton<InvoiceStatusChanger>();
        services.AddSingleton<InvoiceSearch>();
        services.AddSingleton<InvoiceReport>();
        services.AddSingleton<InvoiceExporter>();
        services.AddSingleton<WaybillExporter>();
        services.AddSingleton<JournalQueries>();
        services.AddSingleton<InvoiceVerifier>();
        services.AddSingleton<Status.ServiceStatusReader>();
        services.AddSingleton<Waybills.WaybillUploader>();
        services.AddSingleton<Waybills.WaybillQueries>();
        services.AddSingleton<Waybills.WaybillStatusChanger>();
        services.AddSingleton<Status.OutageRegistry>();
        services.AddSingleton<Warehouse.WarehouseStore>();
        services.AddSingleton<Warehouse.WarehouseBalances>();
        services.AddSingleton<Warehouse.WarehouseTransfers>();
        services.AddSingleton<Warehouse.WarehouseShortfalls>();
        services.AddSingleton<Warehouse.GoodsSourceImporter>();
        services.AddSingleton<Warehouse.GoodsSourceQueries>();
        services.AddSingleton<Warehouse.WarehouseForms>();
        // ИС ГО: the simulator stands in for the government side; the invoices' waybills are read from the waybill store.
        services.AddSingleton<IsgoRequestService>();
        services.AddSingleton<IsgoRequestQueries>();
        services.AddSingleton<SimulatedStateSupportGateway>();
        services.TryAddSingleton<IStateSupportGateway>(provider => provider.GetRequiredService<SimulatedStateSupportGateway>());
        services.AddSingleton<IWaybillStatusReader, Waybills.WaybillStatusReader>();
        services.AddSingleton<Procurement.ProcurementStore>();
        return services;
    }

    /// <summary>
    /// The worker: the registrar its consumer runs (the consumer itself is registered with the bus), the outbox relay, the
    /// queue-depth gauge, the webhook dispatcher and the runner of the waybills' scheduled effects.
    /// </summary>
    public static IServiceCollection AddEsfWorker(this IServiceCollection services)
    {
        services.AddSingleton<Waybills.WaybillRegistrar>();
        services.AddSingleton<InvoiceRegistrar>();
        services.AddSingleton<Warehouse.WarehouseFormProcessor>();
        services.AddHostedService<UploadRelay>();
        services.AddHostedService<QueueDepthSampler>();
        services.AddHostedService<IdempotencyKeySweeper>();
        services.AddSingleton<WaybillEffectRunner>();
        services.AddHostedService(provider => provider.GetRequiredService<WaybillEffectRunner>());
        services.AddSingleton<Notifications.DeadlineReminderRunner>();
        services.AddHostedService(provider => provider.GetRequiredService<Notifications.DeadlineReminderRunner>());
        services.AddSingleton<WebhookSender>();
        services.AddHostedService<WebhookDispatcher>();
        return services;
    }

    /// <summary>The demo registry, user and self-signed key; the host adds it only when <c>Esf:SeedDemo</c> is allowed and on.</summary>
    public static IServiceCollection AddEsfDemo(this IServiceCollection services)
    {
        services.AddSingleton<RegistrySeed>();
        services.AddSingleton<DemoSeeder>();
        return services;
    }
}
