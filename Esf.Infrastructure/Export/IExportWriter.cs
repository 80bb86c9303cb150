namespace Esf.Infrastructure.Export;

/// <summary>
/// Writes one export format, one document at a time (an invoice or a waybill); <paramref name="cursor"/> resumes after that
/// document.
/// </summary>
internal interface IExportWriter<in TDocument> : IAsyncDisposable
{
    Task StartAsync();

    Task WriteAsync(TDocument document, string cursor);

    Task FlushAsync();

    Task EndAsync();
}
