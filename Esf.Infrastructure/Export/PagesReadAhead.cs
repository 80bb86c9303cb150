using System.Runtime.CompilerServices;

namespace Esf.Infrastructure.Export;

/// <summary>
/// The keyset pages of an export, each read while the caller writes the one before (issue 17: the export held one core of
/// the gateway and one of PostgreSQL in turn, never both at once). A page's query needs only the page before it (its last row
/// is the next cursor), so the next read starts as soon as a page arrives; at most two pages are held. A short page is the last.
/// A caller that stops early (the client went away) cancels the read ahead and waits for it, so no connection is left busy.
/// </summary>
internal static class PagesReadAhead
{
    /// <summary>The rows of <see cref="ReadAsync{TRow}"/>'s pages, one after another.</summary>
    public static async IAsyncEnumerable<TRow> ReadRowsAsync<TRow>(
        Func<IReadOnlyList<TRow>?, CancellationToken, Task<IReadOnlyList<TRow>>> readAfter, int pageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in ReadAsync(readAfter, pageSize, cancellationToken))
        {
            foreach (var row in page)
            {
                yield return row;
            }
        }
    }

    /// <param name="readAfter">Reads the page after the given one (the first page when null), on a connection of its own.</param>
    /// <param name="pageSize">The rows a page asks for: fewer means no page follows.</param>
    public static async IAsyncEnumerable<IReadOnlyList<TRow>> ReadAsync<TRow>(
        Func<IReadOnlyList<TRow>?, CancellationToken, Task<IReadOnlyList<TRow>>> readAfter, int pageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var next = readAfter(null, stop.Token);
        try
        {
            while (next is not null)
            {
                var page = await next;
                next = page.Count < pageSize ? null : readAfter(page, stop.Token);
                yield return page;
            }
        }
        finally
        {
            // Only a read still running is waited for: one that has ended (a failed read the loop awaited, or a page nobody
            // wanted) holds no connection, and a failure the loop awaited is already on its way to the caller.
            if (next is { IsCompleted: false })
            {
                await stop.CancelAsync();
                try
                {
                    await next;
                }
                catch (OperationCanceledException)
                {
                    // The page read ahead was not wanted.
                }
            }
        }
    }
}
