using Esf.Domain.Invoices;
using Esf.Domain.Warehouse;

namespace Esf.Infrastructure.Warehouse;

/// <summary>An invoice of a verdict batch that sells goods through the warehouse: its body and the goods lines it names.</summary>
public sealed record InvoiceSale(long InvoiceId, InvoiceDocument Document, IReadOnlyList<WarehouseLineRef> Lines);
