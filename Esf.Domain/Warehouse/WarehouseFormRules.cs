using Esf.Domain.Rules;

namespace Esf.Domain.Warehouse;

/// <summary>The control of signed warehouse forms beyond their lines (which the VS rules of the ledger judge). Id and text are ours.</summary>
public static class WarehouseFormRules
{
    public static readonly RuleDefinition SignatureMustBeSenders = new(
        "VS-40", "SIGNATURE_VERIFICATION_FAILED",
        "Подпись формы недействительна или не принадлежит отправителю",
        "The form's signature does not verify its body, or the certificate is not the sender's own", RuleStage.Registration)
    {
        LegalBasis = "spec-rest §2.5 (forms are signed and processed like invoices, issue 13); our id",
        Decision = "The signature must verify the exact body with a certificate accepted for signing that names the sending enterprise " +
            "(COMPANY). Forms carry no power of attorney, so an attorney's (OPERATOR) signature is refused.",
    };

    public static IReadOnlyList<RuleDefinition> All { get; } = [SignatureMustBeSenders];
}
