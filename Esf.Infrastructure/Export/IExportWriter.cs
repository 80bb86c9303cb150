using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Search;

namespace Esf.Infrastructure.Export;

/// <summary>Writes one export format, one invoice at a time; <paramref name="cursor"/> resumes after that invoice.</summary>
internal interface IExportWriter : IAsyncDisposable
{
    Task StartAsync();

    Task WriteAsync(InvoiceRecord invoice, SearchCursor cursor);

    Task FlushAsync();

    Task EndAsync();
}
