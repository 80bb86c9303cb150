using Esf.Domain.Waybills;

namespace Esf.Infrastructure.GovernmentSystems;

/// <summary>
/// The statuses of the waybills (СНТ) invoices were issued on, read from the waybill store (<c>Waybills.WaybillStatusReader</c>).
/// </summary>
public interface IWaybillStatusReader
{
    /// <summary>For each invoice issued on a waybill, that waybill's status; invoices without one are absent.</summary>
    Task<IReadOnlyDictionary<long, WaybillStatus>> LinkedWaybillsAsync(IReadOnlyCollection<long> invoiceIds, CancellationToken cancellationToken);
}
