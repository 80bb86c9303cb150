using Esf.Domain.Employees;
using Dapper;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Sessions;
using Npgsql;

namespace Esf.Infrastructure.GovernmentSystems;

/// <summary>The request journal (sent and received requests) and one request with its invoices and history.</summary>
public sealed class IsgoRequestQueries(NpgsqlDataSource database)
{
    public const int PageSize = 100;

    /// <param name="beforeId">Keyset paging: only requests older than this id.</param>
    public async Task<IReadOnlyList<IsgoRequestRow>> JournalAsync(SessionContext session, long? beforeId, CancellationToken cancellationToken)
    {
        session.Demand(EmployeeRight.View);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<IsgoRequestRow>(new CommandDefinition($"""
            SELECT {IsgoRequestStore.RequestColumns} FROM isgo_requests r
            WHERE {IsgoRequestStore.Visibility} AND (@BeforeId::bigint IS NULL OR r.request_id < @BeforeId)
            ORDER BY r.request_id DESC LIMIT {PageSize}
            """, new { session.Tin, BeforeId = beforeId }, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<IsgoRequestDetails> GetAsync(SessionContext session, long requestId, CancellationToken cancellationToken)
    {
        session.Demand(EmployeeRight.View);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var request = await connection.QuerySingleOrDefaultAsync<IsgoRequestRow>(new CommandDefinition($"""
            SELECT {IsgoRequestStore.RequestColumns} FROM isgo_requests r WHERE r.request_id = @Id AND {IsgoRequestStore.Visibility}
            """, new { Id = requestId, session.Tin }, cancellationToken: cancellationToken))
            ?? throw EsfException.NotFound($"No ИС ГО request {requestId} is visible to this session.");
        var invoices = await connection.QueryAsync<IsgoRequestInvoiceRow>(new CommandDefinition(
            $"{IsgoRequestStore.Members} ORDER BY m.invoice_id", new { Id = requestId }, cancellationToken: cancellationToken));
        var history = await connection.QueryAsync<IsgoHistoryRow>(new CommandDefinition("""
            SELECT from_status, to_status, actor, tin, note, changed_at FROM isgo_request_history WHERE request_id = @Id ORDER BY id
            """, new { Id = requestId }, cancellationToken: cancellationToken));
        return new IsgoRequestDetails(request, invoices.AsList(), history.AsList());
    }
}
