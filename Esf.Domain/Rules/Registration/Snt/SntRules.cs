namespace Esf.Domain.Rules.Registration.Snt;

/// <summary>The rules of spec-snt §9 the worker runs on every invoice; they apply to SNT-based invoices only (32.1 a waybill number).</summary>
public static class SntRules
{
    public static IReadOnlyList<IRegistrationRule> All { get; } =
        [.. SntBasisRules.All, .. SntPartyRules.All, .. SntTermsRules.All, .. SntGoodsRules.All];
}
