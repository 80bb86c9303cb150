using System.Text.Json;
using Esf.Domain.Procurement;

namespace Esf.Infrastructure.Procurement;

/// <summary>A stored act or contract, as Dapper maps it.</summary>
public sealed class ProcurementRecord
{
    public long DocumentId { get; init; }
    public string Kind { get; init; } = "";
    public string Number { get; init; } = "";
    public DateTime DocDate { get; init; }
    public string ContractNumber { get; init; } = "";
    public DateTime ContractDate { get; init; }
    public string SupplierTin { get; init; } = "";
    public string CustomerTin { get; init; } = "";
    public string Status { get; init; } = "";
    public string Items { get; init; } = "[]";

    /// <summary>The invoices registered on an act, as JSON (only the registration rules' query reads them).</summary>
    public string Invoices { get; init; } = "[]";

    public ProcurementDocument Document() => new(
        Number, DateOnly.FromDateTime(DocDate), ContractNumber, DateOnly.FromDateTime(ContractDate), SupplierTin, CustomerTin,
        JsonSerializer.Deserialize<List<ProcurementItem>>(Items, ProcurementStore.Json) ?? []);
}
