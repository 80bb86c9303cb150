using Esf.Infrastructure.Search;
using Esf.Infrastructure.Sessions;

namespace Esf.Infrastructure.Export;

/// <summary>
/// Streams a search to a stream in keyset batches of <see cref="BatchSize"/>, flushing after each, so memory stays flat
/// whatever the size; a cursor from the output resumes after the invoice it follows.
/// </summary>
public sealed class InvoiceExporter(InvoiceSearch search)
{
    public const int BatchSize = 500;

    /// <param name="publicBase">Where /verify is served, for the QR codes of <see cref="ExportFormat.PrintedForms"/>.</param>
    /// <returns>How many invoices were written.</returns>
    public async Task<long> WriteAsync(
        Stream output, SessionContext session, InvoiceFilter filter, InvoiceSort sort, bool ascending, SearchCursor? after, ExportFormat format,
        CancellationToken cancellationToken, Uri? publicBase = null)
    {
        await using IExportWriter writer = format switch
        {
            ExportFormat.Xml => new ContainerExportWriter(output),
            ExportFormat.JsonLines => new JsonLinesExportWriter(output),
            ExportFormat.PrintedForms => new PrintedFormsExportWriter(output, publicBase),
            _ => new CsvExportWriter(output),
        };
        await writer.StartAsync();
        long count = 0;
        await foreach (var (invoice, cursor) in search.StreamAsync(session, filter, sort, ascending, after, BatchSize, cancellationToken))
        {
            await writer.WriteAsync(invoice, cursor);
            if (++count % BatchSize == 0)
            {
                await writer.FlushAsync();
            }
        }

        await writer.EndAsync();
        return count;
    }
}
