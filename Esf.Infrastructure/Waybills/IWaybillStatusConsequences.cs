using Esf.Domain.Waybills;
using Npgsql;

namespace Esf.Infrastructure.Waybills;

/// <summary>
/// What follows from a waybill's new status for the documents issued on it (seed L95–103, L5823: the invoices of a declined
/// waybill are annulled after 3 working days, those of a revoked one at once). Called in the transaction that changes the
/// status to DECLINED or REVOKED, so the consequence is recorded exactly when the change is.
/// </summary>
public interface IWaybillStatusConsequences
{
    /// <param name="registrationNumber">The waybill's 42-digit registration number.</param>
    /// <param name="at">When the status changed (the application clock).</param>
    Task OnWaybillStatusChangedAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string registrationNumber, WaybillStatus newStatus, DateTimeOffset at,
        CancellationToken cancellationToken);
}

