using Esf.Domain.Rules;

namespace Esf.Domain.Warehouse;

/// <summary>
/// The control of signed warehouse forms beyond their lines (which the VS rules of the ledger judge): the signature, and who may sign
/// a form for its sender. Ids and texts are ours; the errorCodes are the real API's (its WSDL).
/// </summary>
public static class WarehouseFormRules
{
    private const string Basis = "spec-rest §2.5 (forms are signed and processed like invoices, issue 13); Rules p.11; ADR 0037; our id";

    public static readonly RuleDefinition SignatureMustVerify = new(
        "VS-40", "SIGNATURE_VERIFICATION_FAILED",
        "Подпись формы не прошла проверку: подпись не соответствует форме или сертификат не принят для подписи",
        "The form's signature does not verify its body, or the certificate is not accepted for signing", RuleStage.Registration)
    {
        LegalBasis = Basis,
        Decision = "The signature must verify the exact body with a certificate accepted for signing (in date, trusted, unrevoked), as an " +
            "invoice's (GEN-01). Who the certificate names is VS-50.",
    };

    public static readonly RuleDefinition SignerMustSignForSender = new(
        "VS-50", "UFORM_SENDER_NOT_VALID",
        "Форму подписал не отправитель и не его уполномоченное лицо с правом подписи",
        "The form was signed neither by its sender nor by a person of the sender holding the right to sign", RuleStage.Registration)
    {
        LegalBasis = Basis,
        Decision = "signatureType COMPANY: the certificate is the sender's own — an entity's key naming the sender's БИН with a role that signs " +
            "for the entity, or an entrepreneur's (ИП, private practice) individual key naming the sender's ИИН and no entity (as B-02). " +
            "signatureType OPERATOR: a person of the sender signs with a key of its own (an individual's key, or the sender's entity key " +
            "issued to an employee; never another entity's) and, on the day the worker decides the form (Kazakhstan time, the enterprise's " +
            "world), is a member of the sender, not blocked, holding SIGN (the head holds every right; ADR 0037). An entrepreneur's " +
            "employee never holds SIGN (EMP-03, Rules p.11 «без права заверения»), so only the entrepreneur signs its forms. A form carries " +
            "no power of attorney: the membership and its right are what allow the person (Rules p.11: the head designates those who act).",
    };

    public static readonly RuleDefinition DeclarationNumberMustBeWellFormed = new(
        "VS-51", "GTD_NUMBER_INVALID",
        "Номер декларации на товары (ДТ) в строке формы должен иметь вид NNNNN/DDMMYY/NNNNNNN",
        "A form line's customs declaration (ДТ) number must read NNNNN/DDMMYY/NNNNNNN", RuleStage.Registration)
    {
        Fields = ["lines[].sourceNumber"],
        LegalBasis = "seed 000 (the ДТ number of the balance example); esf-api-facts §9.13 (GTD_NUMBER_INVALID); our id",
        Decision = "A receipt form («Остатки», «Производство») whose line names a ДТ (sourceKind DT) must give its number in the form the ДТ " +
            "import accepts, so that an invoice's G15 can name it; the form ends ERROR and credits nothing. Whether that ДТ was imported " +
            "is not asked (see GTD_NOT_FOUND among the codes decided against).",
    };

    public static readonly RuleDefinition NumberAndDateMustBeUnique = new(
        "VS-52", "NOT_UNIQUE_NUMBER_AND_DATE",
        "Форма с таким номером и датой уже загружена отправителем, укажите другой номер",
        "The sender already uploaded a form of this number and date", RuleStage.Upload)
    {
        Fields = ["number", "date"],
        LegalBasis = "esf-api-facts §9.13 (NOT_UNIQUE_NUMBER_AND_DATE, as the waybill's SNT-W08); our id",
        Decision = "A form's number and date are unique per sender (the constraint warehouse_forms_number_once); the whole upload is " +
            "refused with 409 and stores nothing, so a retry of an upload already accepted is answered by its Idempotency-Key, not twice.",
    };

    public static IReadOnlyList<RuleDefinition> All { get; } =
        [SignatureMustVerify, SignerMustSignForSender, DeclarationNumberMustBeWellFormed, NumberAndDateMustBeUnique];

    /// <summary>The checks of a receipt line's goods before they enter the ledger (VS-51).</summary>
    public static RuleViolation? CheckReceivedGoods(GoodsLine goods) =>
        goods.SourceKind == GoodsSourceKind.CustomsDeclaration && !DeclarationNumbers.IsWellFormed(goods.SourceNumber)
            ? DeclarationNumberMustBeWellFormed.Violation("sourceNumber", $"«{goods.SourceNumber}»")
            : null;

    /// <summary>
    /// Judges a signed form's signer (VS-40, VS-50). <paramref name="personMaySign"/> says whether the certificate's person (its ИИН) is
    /// a member of the sender holding SIGN on the day; it matters only for an OPERATOR signature (the worker reads it only for one).
    /// </summary>
    /// <returns>The violation, or null when the form is signed by someone who may sign it.</returns>
    public static RuleViolation? JudgeSigner(SignatureCheck check, string senderTin, bool personMaySign)
    {
        if (!check.IsValid)
        {
            return SignatureMustVerify.Violation("signature");
        }

        if (!check.IsOperator)
        {
            return check.Represents(senderTin) ? null : SignerMustSignForSender.Violation("x509Certificate", "сертификат выдан не отправителю (COMPANY)");
        }

        if (check.SignerIin is null || (check.SignerBin is not null && check.SignerBin != senderTin))
        {
            return SignerMustSignForSender.Violation("x509Certificate", "сертификат лица другой организации (OPERATOR)");
        }

        return personMaySign ? null : SignerMustSignForSender.Violation("x509Certificate", "у лица нет права подписи у отправителя (OPERATOR)");
    }
}
