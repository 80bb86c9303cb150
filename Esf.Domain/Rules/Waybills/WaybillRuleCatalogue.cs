using Esf.Domain.Waybills;

namespace Esf.Domain.Rules.Waybills;

/// <summary>
/// The waybill's own control: the envelope (XML, SntV1.xsd), the light rules at upload and the registration rules. The
/// invoice rules of spec-snt §9 (an invoice issued on a waybill) are invoice registration rules in <see cref="RuleCatalogue"/>.
/// </summary>
public static class WaybillRuleCatalogue
{
    public static readonly RuleDefinition XmlMustBeWellFormed = new(
        "SNT-API-01", "WRONG_XML_FORMAT",
        "Тело СНТ не является корректным XML-документом",
        "The waybill body is not a well-formed XML document", RuleStage.Upload);

    public static readonly RuleDefinition BodyMustMatchSchema = new(
        "SNT-GEN-11", "FIELD_INVALID",
        "СНТ не соответствует XSD-схеме формата SntV1",
        "The waybill does not conform to the SntV1 XSD schema", RuleStage.Upload)
    {
        LegalBasis = "contracts/xsd/SntV1.xsd",
        Decision = "Our format: the seeds do not print the СНТ form, so SntV1 is designed from the fields Tables 28 and 29 cite (docs/snt.md).",
    };

    /// <summary>The light rules over the waybill alone, run at upload after the XSD.</summary>
    public static IReadOnlyList<Rule<WaybillDocument>> DocumentRules => WaybillFormatRules.All;

    /// <summary>The rules the worker runs before registering a waybill, in the order their violations are reported.</summary>
    public static IReadOnlyList<Rule<WaybillRegistrationContext>> RegistrationRules => WaybillRegistryRules.All;

    public static IReadOnlyList<RuleDefinition> All { get; } =
    [
        XmlMustBeWellFormed, BodyMustMatchSchema,
        .. DocumentRules.Select(r => r.Definition),
        .. RegistrationRules.Select(r => r.Definition),
    ];

    /// <summary>Every light-rule violation of one waybill.</summary>
    public static IReadOnlyList<RuleViolation> CheckDocument(WaybillDocument document) => DocumentRules.SelectMany(r => r.Check(document)).ToList();

    /// <summary>Every registration-rule violation of one waybill.</summary>
    public static IReadOnlyList<RuleViolation> CheckRegistration(WaybillRegistrationContext context) =>
        RegistrationRules.SelectMany(r => r.Check(context)).ToList();
}
