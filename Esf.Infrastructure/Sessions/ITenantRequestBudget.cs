namespace Esf.Infrastructure.Sessions;

/// <summary>
/// One rate budget per enterprise (ИИН/БИН), shared by every credential that acts for it: REST and SOAP sessions and API keys
/// alike, so that opening more sessions or minting more keys buys no more requests (M7).
/// </summary>
public interface ITenantRequestBudget
{
    /// <summary>Takes one request from the tenant's budget, or throws <see cref="Errors.TooManyRequestsException"/>.</summary>
    void Charge(string tin);

    /// <summary>The requests left to the tenant in the current window and the window's limit; null when requests are not limited.</summary>
    (int Limit, long Remaining)? Left(string tin);
}
