using Esf.Api.Rest.Problems;
using Esf.Domain.Invoices;
using Esf.Domain.Rules;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Sessions;

namespace Esf.Api.Rest.Invoices;

/// <summary>
/// An invoice the session may see, with its errors when it FAILED and, when it FAILED as a duplicate, the registered
/// original the session may see (ADR 0020). An invoice of another enterprise answers 404 like an
/// unknown id, so that ids of others cannot be probed.
/// </summary>
public sealed record VisibleInvoice(InvoiceRecord Record, IReadOnlyList<RuleViolation> Errors, DuplicateOriginal? DuplicateOf = null)
{
    public static async Task<VisibleInvoice> FindAsync(InvoiceQueries queries, SessionContext session, long id, CancellationToken ct)
    {
        var found = await queries.GetByIdsAsync(session, [id], ct);
        var record = found.FirstOrDefault(r => r.InvoiceId == id)
            ?? throw EsfException.NotFound($"No invoice {id} is visible to this session.");
        if (record.Status != InvoiceStatus.Failed)
        {
            return new VisibleInvoice(record, []);
        }

        var errors = await queries.GetErrorsAsync(session, [id], ct);
        var originals = await queries.GetDuplicateOriginalsAsync(session, [id], ct);
        return new VisibleInvoice(record, errors.SelectMany(e => e.Errors).ToList(), originals.GetValueOrDefault(id));
    }
}
