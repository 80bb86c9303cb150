using Esf.Domain.Waybills;
using Npgsql;

namespace Esf.Infrastructure.Waybills;

public interface IWaybillStatusConsequences {
  Task OnWaybillStatusChangedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string registrationNumber,
      WaybillStatus newStatus, DateTimeOffset at, CancellationToken cancellationToken);
}
