using Esf.Domain.Invoices;
using Esf.Domain.Waybills;
using Esf.Infrastructure.Warehouse;

namespace Esf.Infrastructure.Feed;

/// <summary>The statuses a feed event of each kind can carry: what a webhook may filter on (ADR 0031).</summary>
public static class FeedStatuses
{
    private static readonly string[] MovementKinds =
        [MovementCauses.Receipt, MovementCauses.WriteOff, MovementCauses.TransferIn, MovementCauses.TransferOut];

    public static bool IsStatusOf(FeedKind kind, string status) => kind switch
    {
        FeedKind.Invoice => InvoiceStatusNames.TryParse(status, out _),
        FeedKind.Waybill => WaybillStatusNames.TryParse(status, out _),
        _ => MovementKinds.Contains(status),
    };
}
