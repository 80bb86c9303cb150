using Esf.Domain.Waybills;

namespace Esf.Infrastructure.GovernmentSystems;

/// <summary>The placeholder <see cref="IWaybillStatusReader"/>: no invoice has a waybill, until the waybill store is wired here.</summary>
public sealed class NoLinkedWaybills : IWaybillStatusReader
{
    public Task<IReadOnlyDictionary<long, WaybillStatus>> LinkedWaybillsAsync(
        IReadOnlyCollection<long> invoiceIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<long, WaybillStatus>>(new Dictionary<long, WaybillStatus>());
}
