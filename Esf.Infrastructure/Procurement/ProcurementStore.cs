using System.Text.Json;
using Dapper;
using Esf.Domain.Lifecycle;
using Esf.Domain.Invoices;
using Esf.Domain.Procurement;
using Esf.Domain.Waybills;
using Esf.Infrastructure.Errors;
using Npgsql;

namespace Esf.Infrastructure.Procurement;

/// <summary>
/// Acts and contracts of the procurement portal: the portal's upsert (a document posted again replaces its status and lines),
/// the participants' reads under the tenant predicate (<see cref="Visibility"/>) and the acts the worker's rules read.
/// </summary>
public sealed class ProcurementStore(NpgsqlDataSource database, TimeProvider clock)
{
    public const string Visibility = "(d.supplier_tin = @Tin OR d.customer_tin = @Tin)";

    internal const string Columns = "d.document_id, d.kind, d.number, d.doc_date, d.contract_number, d.contract_date, d.supplier_tin, d.customer_tin, d.status, d.items::text AS items";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<long> UpsertAsync(ProcurementKind kind, ProcurementDocument document, string status, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO procurement_documents AS d (kind, number, doc_date, contract_number, contract_date, supplier_tin, customer_tin, status, items, received_at)
            VALUES (@Kind, @Number, @Date, @ContractNumber, @ContractDate, @SupplierTin, @CustomerTin, @Status, @Items::jsonb, @Now)
            ON CONFLICT (kind, supplier_tin, number) DO UPDATE SET doc_date = excluded.doc_date, contract_number = excluded.contract_number,
                contract_date = excluded.contract_date, customer_tin = excluded.customer_tin, status = excluded.status, items = excluded.items,
                received_at = excluded.received_at
            RETURNING d.document_id
            """, new
            {
                Kind = WireNames<ProcurementKind>.ToWire(kind), document.Number, Date = document.Date.ToDateTime(TimeOnly.MinValue), document.ContractNumber,
                ContractDate = document.ContractDate.ToDateTime(TimeOnly.MinValue), document.SupplierTin, document.CustomerTin, Status = status,
                Items = JsonSerializer.Serialize(document.Items, Json), Now = clock.GetUtcNow(),
            }, cancellationToken: cancellationToken));
    }

    /// <summary>One act or contract the session's enterprise takes part in; 404 otherwise.</summary>
    public async Task<ProcurementRecord> GetAsync(string tin, ProcurementKind kind, long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ProcurementRecord>(new CommandDefinition($"""
            SELECT {Columns} FROM procurement_documents d WHERE d.document_id = @Id AND d.kind = @Kind AND {Visibility}
            """, new { Id = id, Kind = WireNames<ProcurementKind>.ToWire(kind), Tin = tin }, cancellationToken: cancellationToken))
            ?? throw EsfException.NotFound($"No ЭГЗ {kind.ToString().ToLowerInvariant()} {id} is visible to this session.", "EGP_AWP_NOT_FOUND");
    }

    /// <summary>The approved acts of a contract of the supplier (they take priority over the contract).</summary>
    public async Task<IReadOnlyList<long>> ApprovedActsOfAsync(ProcurementRecord contract, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<long>(new CommandDefinition("""
            SELECT document_id FROM procurement_documents
            WHERE kind = 'ACT' AND supplier_tin = @SupplierTin AND contract_number = @ContractNumber AND status = @Approved ORDER BY document_id
            """, new { contract.SupplierTin, contract.ContractNumber, Approved = WireNames<ProcurementActStatus>.ToWire(ProcurementActStatus.Approved) },
            cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>An invoice in force (CREATED, DELIVERED, blocked for ИС ГО) is registered on the act (EGZ-03, for the pre-fill).</summary>
    public async Task<bool> HasInvoiceInForceAsync(ProcurementRecord act, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition("""
            SELECT EXISTS (SELECT 1 FROM invoices WHERE seller_tin = @SupplierTin AND procurement_act_number = @Number
                AND status = ANY(@InForce))
            """, new { act.SupplierTin, act.Number, InForce = LinkedInvoice.InForce.Select(s => s.ToWire()).ToArray() }, cancellationToken: cancellationToken));
    }
}
