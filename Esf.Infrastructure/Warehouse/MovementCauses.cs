namespace Esf.Infrastructure.Warehouse;

/// <summary>The kinds of <see cref="MovementCause"/> and of movements (<c>warehouse_movements.kind</c>).</summary>
public static class MovementCauses
{
    public const string Transfer = "TRANSFER";

    public const string Receipt = "RECEIPT";

    public const string WriteOff = "WRITE_OFF";

    public const string TransferIn = "TRANSFER_IN";

    public const string TransferOut = "TRANSFER_OUT";

    public static MovementCause NewTransfer() => new(Transfer, Guid.NewGuid().ToString("N"));
}
