using Esf.Infrastructure;
using Esf.Infrastructure.Errors;

namespace Esf.Api.Soap.Invoices;

/// <summary>
/// The most invoice ids one by-id request may name (<c>Esf:Quotas:MaxIdsPerRequest</c>, security review M7): without it a
/// 20 MB request names a million ids, read or locked one by one in one transaction. Refused as a fault before any work.
/// </summary>
public static class IdListLimit
{
    public const string ErrorCode = "ID_LIST_TOO_LONG";

    public static void Check(int count, QuotaOptions quotas)
    {
        if (count > quotas.MaxIdsPerRequest)
        {
            throw EsfException.Business(
                $"Список идентификаторов ЭСФ слишком длинный: не более {quotas.MaxIdsPerRequest} (the id list has {count} ids, at most "
                + $"{quotas.MaxIdsPerRequest} are allowed: Esf:Quotas:MaxIdsPerRequest).", ErrorCode);
        }
    }
}
