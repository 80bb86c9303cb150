namespace Esf.Infrastructure.GovernmentSystems;

/// <summary>
/// The government side of ИС ГО: hands a confirmed request to the e-government gateway (ШЭП), which accepts it or not. Later
/// statuses come back from the state body through <see cref="IsgoRequestService.RecordGovernmentAnswerAsync"/>.
/// <see cref="SimulatedStateSupportGateway"/> stands in for it (tests and the sandbox drive it).
/// </summary>
public interface IStateSupportGateway
{
    Task<ShepReceipt> SubmitAsync(IsgoSubmission submission, CancellationToken cancellationToken);
}

/// <summary>What goes to the state body: the request, its body and subsidy, and the invoices by registration number.</summary>
public sealed record IsgoSubmission(long RequestId, string StateBodyCode, string? SubsidyCode, IReadOnlyList<string> RegistrationNumbers);

/// <summary>The gateway's answer: accepted («Направлен в ШЭП») or not («Не принят ШЭП», with its reason).</summary>
public sealed record ShepReceipt(bool Accepted, string? Reason)
{
    public static ShepReceipt Accept() => new(true, null);
}
