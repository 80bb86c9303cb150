namespace Esf.Infrastructure.Registry;

/// <summary>
/// The answer for one key: SUCCESS, TIN_ABSENT, CERTIFICATE_SERIES_OR_CERTIFICATE_NUM_ABSENT, BIK_ABSENT, BANK_NOT_FOUND or IIK_ABSENT.
/// A non-SUCCESS result is a normal answer, not a fault.
/// </summary>
public sealed record EnterpriseValidationResult(string Tin, string ResultType);
