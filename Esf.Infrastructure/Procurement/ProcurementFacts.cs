using System.Text.Json;
using Dapper;
using Esf.Domain.Invoices;
using Esf.Domain.Lifecycle;
using Esf.Domain.Procurement;
using Esf.Domain.Rules.Registration;
using Esf.Domain.Waybills;
using Npgsql;

namespace Esf.Infrastructure.Procurement;

/// <summary>
/// The acts and contracts of the procurement portal a batch of invoices names, for the registration rules (EGZ-*): the acts
/// by number (with the invoices registered on each), the contracts by contract number (with their approved acts), each only
/// of the batch's own sellers. One query per batch, and none at all for a batch whose invoices name no act and no contract.
/// What the batch registers on an act counts for the invoices judged after it (<see cref="Link"/>).
/// </summary>
internal sealed class ProcurementFacts
{
    private readonly Dictionary<(string Number, string Supplier), ProcurementAct> acts = [];
    private readonly Dictionary<(string ContractNumber, string Supplier), ProcurementContract> contracts = [];

    public ProcurementAct? Act(string number, string supplierTin) => acts.GetValueOrDefault((number, supplierTin));

    public ProcurementContract? Contract(string contractNumber, string supplierTin) => contracts.GetValueOrDefault((contractNumber, supplierTin));

    /// <summary>An invoice of this batch issued on the act passed: it counts for the next invoice on it (EGZ-03).</summary>
    public void Link(string number, string supplierTin, LinkedInvoice invoice)
    {
        if (acts.TryGetValue((number, supplierTin), out var act))
        {
            acts[(number, supplierTin)] = act with { Invoices = [.. act.Invoices, invoice] };
        }
    }

    public static async Task<ProcurementFacts> LoadAsync(NpgsqlConnection connection, IReadOnlyList<InvoiceDocument> documents, CancellationToken ct)
    {
        var facts = new ProcurementFacts();
        var named = documents.Where(d => d.SellerTin is not null).ToList();
        var actKeys = named.Select(d => (Number: ProcurementBasis.ActNumberOf(d.Body), Supplier: d.SellerTin!)).Where(k => k.Number is not null).Distinct().ToList();
        var contractKeys = named.Select(d => (Number: ProcurementBasis.ContractNumberOf(d.Body), Supplier: d.SellerTin!)).Where(k => k.Number is not null)
            .Distinct().ToList();
        if (actKeys.Count == 0 && contractKeys.Count == 0)
        {
            return facts;
        }

        // The named acts with their registered invoices, and every act and contract of the named contracts (EGZ-05 reads the
        // approved acts of a contract).
        var rows = (await connection.QueryAsync<ProcurementRecord>(new CommandDefinition($"""
            SELECT {ProcurementStore.Columns},
                (SELECT COALESCE(json_agg(json_build_object('registrationNumber', i.registration_number, 'num', i.num, 'date', i.invoice_date,
                        'type', i.invoice_type, 'status', i.status)), '[]')
                 FROM invoices i
                 WHERE d.kind = 'ACT' AND i.seller_tin = d.supplier_tin AND i.procurement_act_number = d.number
                   AND i.registration_number IS NOT NULL)::text AS invoices
            FROM procurement_documents d
            WHERE (d.kind = 'ACT' AND (d.number, d.supplier_tin) IN (SELECT * FROM unnest(@ActNumbers::text[], @ActSuppliers::text[])))
               OR (d.contract_number, d.supplier_tin) IN (SELECT * FROM unnest(@ContractNumbers::text[], @ContractSuppliers::text[]))
            ORDER BY d.document_id
            """, new
        {
            ActNumbers = actKeys.Select(k => k.Number!).ToArray(), ActSuppliers = actKeys.Select(k => k.Supplier).ToArray(),
            ContractNumbers = contractKeys.Select(k => k.Number!).ToArray(), ContractSuppliers = contractKeys.Select(k => k.Supplier).ToArray(),
        }, cancellationToken: ct))).ToList();
        var approved = rows.Where(r => r.Kind == "ACT" && WireNames<ProcurementActStatus>.Parse(r.Status) == ProcurementActStatus.Approved)
            .ToLookup(r => (r.ContractNumber, r.SupplierTin), r => r.Number);
        foreach (var row in rows)
        {
            if (row.Kind == "ACT")
            {
                facts.acts[(row.Number, row.SupplierTin)] = new ProcurementAct(row.Document(), WireNames<ProcurementActStatus>.Parse(row.Status))
                {
                    Invoices = [.. (JsonSerializer.Deserialize<List<LinkedRow>>(row.Invoices, ProcurementStore.Json) ?? []).Select(i => i.ToLinked())],
                };
            }
            else
            {
                facts.contracts[(row.ContractNumber, row.SupplierTin)] = new ProcurementContract(
                    row.Document(), WireNames<ProcurementContractStatus>.Parse(row.Status), [.. approved[(row.ContractNumber, row.SupplierTin)]]);
            }
        }

        return facts;
    }

    private sealed record LinkedRow(string RegistrationNumber, string Num, DateOnly Date, string Type, string Status)
    {
        public LinkedInvoice ToLinked() => new(RegistrationNumber, Num, Date, InvoiceTypeNames.Parse(Type), InvoiceStatusNames.Parse(Status));
    }
}
