using Esf.Domain.Invoices;
using Esf.Domain.Waybills;
using Esf.Infrastructure.Warehouse;

namespace Esf.Infrastructure.Feed;

/// <summary>The statuses a feed event of each kind can carry: what a webhook may filter on (ADR 0031).</summary>
public static class FeedStatuses
{
    private static readonly string[] MovementKinds =
        [MovementCauses.Receipt, MovementCauses.WriteOff, MovementCauses.TransferIn, MovementCauses.TransferOut];

    /// <summary>A form's feed events are its verdicts: QUEUED is where every form starts, never a change.</summary>
    private static readonly string[] FormVerdicts = [WarehouseFormStatus.Processed, WarehouseFormStatus.Error];

    public static bool IsStatusOf(FeedKind kind, string status) => kind switch
    {
        FeedKind.Invoice => InvoiceStatusNames.TryParse(status, out _),
        FeedKind.Waybill => WaybillStatusNames.TryParse(status, out _),
        FeedKind.Movement => MovementKinds.Contains(status),
        _ => FormVerdicts.Contains(status),
    };
}
