using Esf.Domain.Waybills;

namespace Esf.Domain.Rules.Waybills;

/// <summary>Short-hand for the waybill's own rules: ours, since the seeds do not give the СНТ's ФЛК (spec-snt §0 item 4).</summary>
internal static class WaybillDefine
{
    private const string Ours = "Our rule: the seeds give neither the СНТ's own ФЛК nor any message (spec-snt §0 items 3–4); derived from the fields. ";

    public static Rule<WaybillDocument> AtUpload(
        string id, string errorCode, string ru, string en, string basis, string[] fields, Func<WaybillDocument, IEnumerable<string>> check,
        string? decision = null) =>
        new(new RuleDefinition(id, errorCode, ru, en, RuleStage.Upload) { Fields = fields, LegalBasis = basis, Decision = (Ours + decision).TrimEnd() }, check);

    public static Rule<WaybillRegistrationContext> AtRegistration(
        string id, string errorCode, string ru, string en, string basis, string[] fields, Func<WaybillRegistrationContext, IEnumerable<string>> check,
        string? decision = null) =>
        new(new RuleDefinition(id, errorCode, ru, en, RuleStage.Registration) { Fields = fields, LegalBasis = basis, Decision = (Ours + decision).TrimEnd() },
            check);

    public static string Product(int i, string field) => $"productSet.products.product[{i}].{field}";
}
