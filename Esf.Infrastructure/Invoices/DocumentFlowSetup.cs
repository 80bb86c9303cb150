using Esf.Infrastructure.Feed;
using Microsoft.Extensions.DependencyInjection;

namespace Esf.Infrastructure.Invoices;

/// <summary>The services after registration: status operations, the change feed, search, export, printing, the journal and webhooks.</summary>
public static class DocumentFlowSetup
{
    public static IServiceCollection AddEsfDocumentFlow(this IServiceCollection services)
    {
        services.AddSingleton<InvoiceStatusChanger>();
        services.AddSingleton<FeedSequencer>();
        services.AddSingleton<FeedReader>();
        services.AddSingleton<Search.InvoiceSearch>();
        services.AddSingleton<Search.InvoiceReport>();
        services.AddSingleton<Export.InvoiceExporter>();
        services.AddSingleton<Journal.JournalQueries>();
        services.AddSingleton<Printing.InvoiceVerifier>();
        services.AddOptions<Printing.VerificationOptions>().BindConfiguration(Printing.VerificationOptions.Section);
        services.AddOptions<Webhooks.WebhookOptions>().BindConfiguration(Webhooks.WebhookOptions.Section);
        services.AddSingleton<Webhooks.WebhookStore>();
        // Runs only in a process with the worker role (it checks Esf:Roles itself).
        services.AddHostedService<Webhooks.WebhookDispatcher>();
        return services;
    }
}
