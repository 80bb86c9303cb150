using Esf.Domain.Employees;
using System.Runtime.CompilerServices;
using Dapper;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Sessions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Esf.Infrastructure.Search;

/// <summary>
/// Searches the invoices the session's enterprise sees: by page number (queryInvoice), by keyset cursor (REST, stable under
/// concurrent inserts) and as a stream of keyset batches (exports, whatever their size, in flat memory).
/// </summary>
public sealed class InvoiceSearch(NpgsqlDataSource database, IOptions<QuotaOptions> quotas)
{
    private const string Columns = """
        i.invoice_id, i.registration_number, i.status, i.num, i.date_text, i.turnover_date, i.invoice_type, i.seller_tin, i.customer_tin,
        i.body, i.signature, i.signature_type, i.signature_valid, i.certificate_id, i.version, i.hash, i.input_date, i.delivery_date,
        i.last_update_date, i.cancel_reason, i.kogd
        """;

    /// <summary>What a page of records reads: the columns and the sort key its cursor carries.</summary>
    private const string PageColumns = Columns + ", (p.sort_key)::text AS sort_key";

    /// <summary>What the XML container reads (<see cref="StreamBodiesAsync"/>): the id and the body, around the sort key.</summary>
    private const string BodyColumns = "i.invoice_id, (p.sort_key)::text AS sort_key, i.body";

    /// <summary>queryInvoice: page <paramref name="page"/> (1-based) of <paramref name="size"/> rows.</summary>
    public async Task<SearchPage> PageAsync(
        SessionContext session, InvoiceFilter filter, InvoiceSort sort, bool ascending, int page, int size, CancellationToken cancellationToken)
    {
        var (wheres, parameters) = InvoiceFilterSql.BuildPerParty(session, filter);
        var (expression, _) = InvoiceSortSql.Of(sort);
        parameters.Add("Skip", (long)(Math.Max(page, 1) - 1) * size);
        parameters.Add("Take", size + 1);
        var rows = await QueryAsync(PageSql(wheres, expression, ascending, "@Skip + @Take", "OFFSET @Skip"), parameters, cancellationToken);
        return new SearchPage([.. rows.Take(size).Select(r => r.Row.ToRecord())], rows.Count > size, null);
    }

    /// <summary>queryInvoiceByKey: the invoices with these (num, date) keys in the given direction.</summary>
    public async Task<IReadOnlyList<InvoiceRecord>> ByKeysAsync(
        SessionContext session, IReadOnlyList<(string Num, string Date)> keys, Feed.InvoiceDirection direction, CancellationToken cancellationToken)
    {
        session.Demand(EmployeeRight.View);
        var parameters = new DynamicParameters(new { session.Tin, Nums = keys.Select(k => k.Num).ToArray(), Dates = keys.Select(k => k.Date).ToArray() });
        var rows = await QueryAsync($"""
            SELECT {Columns}, i.num AS sort_key FROM invoices i
            WHERE {Feed.DirectionFilter.Sql(direction)}
              AND EXISTS (SELECT 1 FROM unnest(@Nums, @Dates) AS k(num, date_text) WHERE k.num = i.num AND k.date_text = i.date_text)
            ORDER BY i.invoice_date, i.num, i.invoice_id
            """, parameters, cancellationToken);
        return [.. rows.Select(r => r.Row.ToRecord())];
    }

    /// <summary>The rows after <paramref name="after"/> (from the start when null).</summary>
    public async Task<SearchPage> AfterAsync(
        SessionContext session, InvoiceFilter filter, InvoiceSort sort, bool ascending, SearchCursor? after, int size, CancellationToken cancellationToken)
    {
        var maxBytes = quotas.Value.MaxPageBytes;
        var rows = await RowsAfterAsync(session, filter, sort, ascending, after, size + 1, maxBytes, cancellationToken);
        // A page ends at the size or once its bodies reach Esf:Quotas:MaxPageBytes (security review M7), whichever comes first;
        // it always holds one row, so a single large invoice is still readable.
        var taken = rows.Take(size).TakeWhile((r, index) => index == 0 || r.BytesBefore < maxBytes).ToList();
        var next = rows.Count > taken.Count ? CursorAfter(taken[^1]) : null;
        return new SearchPage([.. taken.Select(r => r.Row.ToRecord())], next is not null, next);
    }

    /// <summary>
    /// Every matching row after <paramref name="after"/>, read in batches, each while the caller handles the one before
    /// (<see cref="Export.PagesReadAhead"/>), with the cursor that resumes after each row.
    /// </summary>
    public async IAsyncEnumerable<(InvoiceRecord Invoice, SearchCursor Cursor)> StreamAsync(
        SessionContext session, InvoiceFilter filter, InvoiceSort sort, bool ascending, SearchCursor? after, int batchSize,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = Export.PagesReadAhead.ReadRowsAsync<(InvoiceRow Row, string SortKey, long BytesBefore)>(
            async (previous, token) => await RowsAfterAsync(session, filter, sort, ascending,
                previous is null ? after : CursorAfter(previous[^1]), batchSize, null, token), batchSize, cancellationToken);
        await foreach (var row in rows)
        {
            yield return (row.Row.ToRecord(), CursorAfter(row));
        }
    }

    /// <summary>
    /// As <see cref="StreamAsync"/>, but only each row's body, as the UTF-8 bytes PostgreSQL sends: what the XML container
    /// carries. Nothing is decoded into a string and encoded back, and no other column (nor the certificates) is read.
    /// </summary>
    public IAsyncEnumerable<(byte[] Body, SearchCursor Cursor)> StreamBodiesAsync(
        SessionContext session, InvoiceFilter filter, InvoiceSort sort, bool ascending, SearchCursor? after, int batchSize,
        CancellationToken cancellationToken) =>
        Export.PagesReadAhead.ReadRowsAsync<(byte[] Body, SearchCursor Cursor)>(
            async (previous, token) => await BodiesAfterAsync(session, filter, sort, ascending, previous is null ? after : previous[^1].Cursor, batchSize, token),
            batchSize, cancellationToken);

    private static SearchCursor CursorAfter((InvoiceRow Row, string SortKey, long BytesBefore) row) => new(row.SortKey, row.Row.InvoiceId);

    private async Task<IReadOnlyList<(byte[] Body, SearchCursor Cursor)>> BodiesAfterAsync(
        SessionContext session, InvoiceFilter filter, InvoiceSort sort, bool ascending, SearchCursor? after, int take, CancellationToken cancellationToken)
    {
        var (sql, parameters) = PageAfter(session, filter, sort, ascending, after, take, null, BodyColumns);
        return await WithCursorOfSortAsync(sort, after, async () =>
        {
            await using var connection = await database.OpenConnectionAsync(cancellationToken);
            await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
            var rows = new List<(byte[], SearchCursor)>(take);
            while (await reader.ReadAsync(cancellationToken))
            {
                // Npgsql hands a text column over as the bytes PostgreSQL sent when asked for byte[]: in the client encoding, which
                // Npgsql sets to UTF-8 whatever the database's.
                rows.Add((reader.GetFieldValue<byte[]>(2), new SearchCursor(reader.GetString(1), reader.GetInt64(0))));
            }

            return rows;
        });
    }

    /// <param name="maxBytes">
    /// Rows stop once the bodies before them reach this many bytes; one more row is read, so that the caller knows more follow.
    /// Null for no budget (an export, which streams every row anyway): the page then skips measuring the bodies, which cost
    /// PostgreSQL several times the rest of the page (issue 17: the export fell from 31–33k to 18.8k invoices/s with it).
    /// </param>
    private async Task<List<(InvoiceRow Row, string SortKey, long BytesBefore)>> RowsAfterAsync(
        SessionContext session, InvoiceFilter filter, InvoiceSort sort, bool ascending, SearchCursor? after, int take, long? maxBytes,
        CancellationToken cancellationToken)
    {
        var (page, parameters) = PageAfter(session, filter, sort, ascending, after, take, maxBytes, PageColumns);
        return await WithCursorOfSortAsync(sort, after, () => QueryAsync(page, parameters, cancellationToken));
    }

    /// <summary>The SQL and parameters of the page after <paramref name="after"/> (see <see cref="RowsAfterAsync"/>).</summary>
    private static (string Sql, DynamicParameters Parameters) PageAfter(
        SessionContext session, InvoiceFilter filter, InvoiceSort sort, bool ascending, SearchCursor? after, int take, long? maxBytes, string columns)
    {
        var (wheres, parameters) = InvoiceFilterSql.BuildPerParty(session, filter);
        var (expression, type) = InvoiceSortSql.Of(sort);
        if (after is not null)
        {
            var keyset = $" AND ({expression}, i.invoice_id) {(ascending ? ">" : "<")} (CAST(@AfterKey AS {type}), @AfterId)";
            wheres = [.. wheres.Select(where => where + keyset)];
            parameters.Add("AfterKey", after.Key);
            parameters.Add("AfterId", after.Id);
        }

        parameters.Add("Take", take);
        var page = PageSql(wheres, expression, ascending, "@Take", columns: columns, measureBytes: maxBytes is not null);
        if (maxBytes is not null)
        {
            parameters.Add("MaxBytes", maxBytes);
            page = $"SELECT * FROM ({page}) page WHERE page.bytes_before_previous < @MaxBytes ORDER BY page.page_row";
        }

        return (page, parameters);
    }

    /// <summary>Runs a page's read, turning a cursor whose key does not convert to the sort's type into a clear error.</summary>
    private static async Task<T> WithCursorOfSortAsync<T>(InvoiceSort sort, SearchCursor? after, Func<Task<T>> read)
    {
        try
        {
            return await read();
        }
        catch (PostgresException e) when (after is not null && e.SqlState is PostgresErrorCodes.InvalidDatetimeFormat
            or PostgresErrorCodes.DatetimeFieldOverflow or PostgresErrorCodes.InvalidTextRepresentation or PostgresErrorCodes.NumericValueOutOfRange)
        {
            // The cursor's key is cast to the sort's type: one from another sort (or edited) does not convert.
            throw EsfException.InvalidInput($"cursor does not belong to the sort «{sort}»: pass the cursor of a page with the same sort.");
        }
    }

    /// <summary>
    /// A page's SQL: per party, the first <paramref name="limit"/> matching rows in sort order — with the default date sort an
    /// index-ordered scan of <c>(party, invoice_date, invoice_id)</c> that stops there, so a page costs the same on the last
    /// of a million rows as on the first; the union of the parties without duplicates (one enterprise can be seller and
    /// customer of one invoice); then the page in that order, joined back for its columns (under the tenant predicate again, so
    /// every read of <c>invoices</c> states it, as <see cref="InvoiceVisibility"/> asks). One query with the OR of the
    /// parties instead sorted all of the enterprise's remaining rows for every page (an export of N rows cost N²).
    /// </summary>
    /// <param name="measureBytes">
    /// Adds the body bytes before each row and before the previous one (octet_length reads a stored value's size, not the value):
    /// what lets a page stop at a byte budget without reading the bodies past it. Only where a budget applies: the three window
    /// aggregates cost a page of 500 about 6–10 ms of PostgreSQL's time against 1.2 ms for the rest of it.
    /// </param>
    private static string PageSql(
        IReadOnlyList<string> wheres, string expression, bool ascending, string limit, string offset = "", string columns = PageColumns,
        bool measureBytes = false)
    {
        var order = Direction(ascending);
        var branches = wheres.Select(where => $"""
            (SELECT i.invoice_id, {expression} AS sort_key FROM invoices i WHERE {where}
             ORDER BY {expression} {order}, i.invoice_id {order} LIMIT {limit})
            """);
        var (bytes, window) = measureBytes
            ? ("""
                ,
                coalesce(sum(octet_length(i.body)) OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS bytes_before,
                coalesce(sum(octet_length(i.body)) OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND 2 PRECEDING), 0) AS bytes_before_previous,
                row_number() OVER w AS page_row
                """, $"WINDOW w AS (ORDER BY p.sort_key {order}, p.invoice_id {order})")
            : ("", "");
        return $"""
            SELECT {columns}{bytes}
            FROM (SELECT c.invoice_id, c.sort_key FROM ({string.Join(" UNION ", branches)}) c
                  ORDER BY c.sort_key {order}, c.invoice_id {order} {offset} LIMIT @Take) p
            JOIN invoices i ON i.invoice_id = p.invoice_id
            WHERE {InvoiceVisibility.Predicate}
            {window}
            ORDER BY p.sort_key {order}, p.invoice_id {order}
            """;
    }

    private async Task<List<(InvoiceRow Row, string SortKey, long BytesBefore)>> QueryAsync(
        string sql, DynamicParameters parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<InvoiceRow, SortKeyRow, (InvoiceRow, string, long)>(
            new CommandDefinition(sql, parameters, cancellationToken: cancellationToken), (row, key) => (row, key.SortKey, key.BytesBefore), splitOn: "sort_key");
        var read = rows.ToList();
        await CertificateRows.FillAsync(connection, [.. read.Select(r => r.Item1)], cancellationToken);
        return read;
    }

    private static string Direction(bool ascending) => ascending ? "ASC" : "DESC";

    private sealed class SortKeyRow
    {
        public string SortKey { get; init; } = "";

        /// <summary>Body bytes of the rows before this one in the page (0 where the query does not measure them).</summary>
        public long BytesBefore { get; init; }
    }
}
