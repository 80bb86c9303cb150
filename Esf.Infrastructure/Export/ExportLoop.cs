namespace Esf.Infrastructure.Export;

/// <summary>
/// The loop every export shares: start, each document with its resume cursor, a flush after every <paramref name="batchSize"/>
/// documents (so memory stays flat whatever the size), end.
/// </summary>
internal static class ExportLoop
{
    /// <returns>How many documents were written.</returns>
    public static async Task<long> WriteAsync<TDocument>(
        IExportWriter<TDocument> writer, IAsyncEnumerable<(TDocument Document, string Cursor)> documents, int batchSize)
    {
        await writer.StartAsync();
        long count = 0;
        await foreach (var (document, cursor) in documents)
        {
            await writer.WriteAsync(document, cursor);
            if (++count % batchSize == 0)
            {
                await writer.FlushAsync();
            }
        }

        await writer.EndAsync();
        return count;
    }
}
