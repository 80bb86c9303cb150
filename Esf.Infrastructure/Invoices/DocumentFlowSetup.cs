using Esf.Infrastructure.Feed;
using Microsoft.Extensions.DependencyInjection;

namespace Esf.Infrastructure.Invoices;

/// <summary>The services after registration: status operations, the change feed and search.</summary>
public static class DocumentFlowSetup
{
    public static IServiceCollection AddEsfDocumentFlow(this IServiceCollection services)
    {
        services.AddSingleton<InvoiceStatusChanger>();
        services.AddSingleton<FeedSequencer>();
        services.AddSingleton<FeedReader>();
        services.AddSingleton<Search.InvoiceSearch>();
        services.AddSingleton<Export.InvoiceExporter>();
        return services;
    }
}
