using Esf.Domain.Rules.Document;
using Esf.Domain.Rules.Registration;
using Esf.Domain.Rules.Registration.Snt;
using Esf.Domain.Rules.Waybills;
using Esf.Domain.Warehouse;

namespace Esf.Domain.Rules;

/// <summary>
/// The catalogue of the format-and-logic control (ФЛК): every rule the gateway runs, with its id from the specification
/// (spec-invoice §5, spec-snt §9 as <c>SNT-Rnnn</c>) or, for checks of the API envelope itself, an <c>API-</c> id; the waybill's
/// own rules (<see cref="WaybillRuleCatalogue"/>) and the virtual warehouse's (<see cref="WarehouseRules"/>) are listed last.
/// Messages quoted from the manual are verbatim.
/// </summary>
public static class RuleCatalogue
{
    // Upload stage: the document and the request alone.
    public static readonly RuleDefinition XmlMustBeWellFormed = new(
        "API-01", "FIELD_INVALID",
        "Тело ЭСФ не является корректным XML-документом",
        "The invoice body is not a well-formed XML document", RuleStage.Upload);

    public static readonly RuleDefinition BodyMustMatchSchema = new(
        "GEN-11", "FIELD_INVALID",
        "ЭСФ не соответствует XSD-схеме формата",
        "The invoice does not conform to the XSD schema of its format", RuleStage.Upload);

    public static readonly RuleDefinition VersionMustBeSupported = new(
        "API-02", "INVALID_INVOICE_VERSION",
        "Неподдерживаемая версия ЭСФ",
        "Unsupported invoice version", RuleStage.Upload);

    public static readonly RuleDefinition SignatureMustBeWellFormed = new(
        "API-03", "SIGNATURE_INVALID_FORMAT",
        "ЭЦП должна быть строкой Base64 длиной не более 400 символов",
        "The signature must be a Base64 string of at most 400 characters", RuleStage.Upload);

    public static readonly RuleDefinition CertificateMustBeWellFormed = new(
        "API-04", "CERTIFICATE_INVALID_FORMAT",
        "Сертификат не является корректным сертификатом X.509 (DER в Base64 или PEM)",
        "The certificate is not a valid X.509 certificate (Base64 DER or PEM)", RuleStage.Upload);

    public static readonly RuleDefinition BatchNumbersMustBeUnique = new(
        "API-05", "NOT_UNIQUE_MEMORY_ERROR_MSG",
        "Счет-фактура с таким номером и датой уже существуют, пожалуйста укажите другой номер",
        "The batch already holds an invoice of this seller with the same number and date", RuleStage.Upload);

    public static readonly RuleDefinition SellerMustBeSessionEnterprise = new(
        "UPL-01", "SELLER_TIN_NOT_EQUALS_WITH_TIN_IN_SESSION",
        "ИИН/БИН поставщика (6) не совпадает с ИИН/БИН сессии, и у пользователя сессии нет действующей доверенности поставщика (signatureType OPERATOR)",
        "The seller (6) is not the session's enterprise, and the session's user holds no power of attorney of the seller valid today " +
        "(signatureType OPERATOR)", RuleStage.Upload)
    {
        LegalBasis = "esf-api-facts §9.13 (SELLER_TIN_NOT_EQUALS_WITH_TIN_IN_SESSION), §9.3; security review H2; our id",
        Decision = "Checked at upload, on the day of the upload (server time): an invoice of another seller is never stored. " +
            "Only the first seller (B 6) owns the invoice; the attorney is the session's user (its ИИН), and the power is recorded with the invoice.",
    };

    public static readonly RuleDefinition IndividualMustNotIssue = new(
        "UPL-02", "SELLER_NOT_HAVE_REQUIRED_REGISTRATION_TYPE",
        "Участник, зарегистрированный под статусом «физическое лицо», не выписывает ЭСФ",
        "A participant registered as an individual (ФЛ) does not issue invoices", RuleStage.Upload)
    {
        LegalBasis = "Rules p.8; spec-rest §2 (L62); seed-coverage C8; our id",
        Decision = "Refused when the session's profile is INDIVIDUAL or the seller is a taxpayer of type INDIVIDUAL. An individual " +
            "employed by an enterprise issues in the enterprise's session (profile USER), which this does not touch.",
    };

    public static readonly RuleDefinition ProcessingMustComplete = new(
        "API-06", "UNEXPECTED_ERROR",
        "Внутренняя ошибка при обработке ЭСФ; повторите отправку, а если ошибка повторяется, обратитесь в службу поддержки",
        "Internal error while processing the invoice; upload it again and contact support if it persists", RuleStage.Registration);

    // Registration stage: the worker, with the registry and the other invoices.
    public static readonly RuleDefinition SignatureMustBeValid = new(
        "GEN-01", "SIGNATURE_VERIFICATION_FAILED",
        "ЭЦП счета-фактуры не прошла проверку: подпись не соответствует документу или сертификату",
        "The invoice signature does not verify against the body and the certificate", RuleStage.Registration);

    public static readonly RuleDefinition NumberAndDateMustBeUniqueForSeller = new(
        "A-02", "NOT_UNIQUE_DB_ERROR_MSG",
        "Счет-фактура с таким номером и датой уже существуют, пожалуйста укажите другой номер",
        "An invoice with this number and date already exists for this seller; please use another number", RuleStage.Registration);

    public static readonly RuleDefinition SellerMustBeRegisteredTaxpayer = new(
        "B-01", "SELLER_TIN_ABSENT_IN_DICTIONARY",
        "ИИН/БИН поставщика отсутствует в базе данных налогоплательщиков",
        "The seller's IIN/BIN is not in the taxpayer registry", RuleStage.Registration);

    public static readonly RuleDefinition SignerMustRepresentSeller = new(
        "B-02", "INVOICE_SENDER_NOT_VALID",
        "Сертификат ЭЦП выдан не поставщику, указанному в поле 6 «ИИН/БИН»",
        "The signing certificate was not issued to the seller named in field 6", RuleStage.Registration);

    public static readonly RuleDefinition CustomerMustBeRegisteredTaxpayer = new(
        "C-02", "CUSTOMER_TIN_ABSENT_IN_DICTIONARY",
        "Выписка ЭСФ на вводимый ИИН/БИН не допустима: получатель отсутствует в базе данных налогоплательщиков",
        "The customer's IIN/BIN is not in the taxpayer registry", RuleStage.Registration);

    /// <summary>The rules the worker runs, in the order their violations are reported.</summary>
    public static IReadOnlyList<IRegistrationRule> RegistrationRules { get; } =
    [
        new SignatureMustBeValid(),
        new SignerMustRepresentSeller(),
        new OperatorMustHoldPowerOfAttorney(),
        new NumberAndDateMustBeUniqueForSeller(),
        new SellerMustBeRegisteredTaxpayer(),
        new CustomerMustBeRegisteredTaxpayer(),
        .. RegistryPartyRules.All,
        .. RegistryGoodsRules.All,
        .. DictionaryRules.All,
        .. RelatedInvoiceRules.All,
        .. SntRules.All,
        .. ProcurementRules.All,
    ];

    /// <summary>The light rules over the document alone, run at upload after the XSD.</summary>
    public static IReadOnlyList<IDocumentRule> DocumentRules { get; } =
    [
        .. SectionARules.All, .. SectionBRules.All, .. SectionCRules.All, .. SectionDeRules.All, .. SectionGRules.All,
        .. ArithmeticRules.All, .. SectionHRules.All,
    ];

    public static IReadOnlyList<RuleDefinition> All { get; } =
    [
        XmlMustBeWellFormed, BodyMustMatchSchema, VersionMustBeSupported, SignatureMustBeWellFormed,
        CertificateMustBeWellFormed, BatchNumbersMustBeUnique, SellerMustBeSessionEnterprise, IndividualMustNotIssue, ProcessingMustComplete,
        .. DocumentRules.Select(r => r.Definition),
        .. RegistrationRules.Select(r => r.Definition),
        .. WaybillRuleCatalogue.All,
        .. WarehouseRules.All,
        .. EmployeeRules.All,
        .. WaybillWarehouseRules.All,
        .. WarehouseFormRules.All,
        .. WaybillGoodsRules.All,
        .. InvoiceSourceRules.All,
    ];
}
