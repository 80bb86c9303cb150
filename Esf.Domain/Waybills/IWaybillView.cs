namespace Esf.Domain.Waybills;

/// <summary>
/// What the rules read about registered waybills (СНТ): the invoice rules of spec-snt §9 through the waybill an invoice names
/// in section F (32.1), the waybill rules through the waybill a corrected or return waybill names. Implemented by the
/// infrastructure from the database, loaded for a batch; answers must include what the same batch has registered before.
/// </summary>
public interface IWaybillView
{
    /// <summary>
    /// The registered waybill with this 42-digit registration number (field 1), with its status, the day it was declined and
    /// the invoices issued on it; null when no registered waybill has this number (FAILED or queued ones are not registered).
    /// </summary>
    RegisteredWaybill? Find(string registrationNumber);

    /// <summary>A registered waybill of <paramref name="sellerTin"/> already carries this number and date.</summary>
    bool IsNumberTaken(string sellerTin, string num, DateOnly date);
}
