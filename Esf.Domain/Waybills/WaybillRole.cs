namespace Esf.Domain.Waybills;

/// <summary>
/// What the acting party is to a waybill. The seeds give rights to the seller (поставщик: uploads, revokes) and the buyer
/// (получатель: confirms, declines), and name a confirmation by an ОГД inspector; consignor and consignee get none.
/// </summary>
[Flags]
public enum WaybillRole
{
    None = 0,
    Seller = 1,
    Buyer = 2,
    /// <summary>An inspector of the state revenue body (ОГД), acting for the state, not for a party.</summary>
    Inspector = 4,
}
