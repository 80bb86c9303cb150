using static Esf.Domain.Rules.Document.Categories;

namespace Esf.Domain.Waybills;

/// <summary>
/// The invoice categories Tables 28 and 29 take from a waybill party's categories (СНТ 17, 26) and show read-only. The others are
/// entered by hand (10 C forwarder, 10 H international carrier, 20 E public office) or set from a flag (10 G exporter ← 8.1,
/// 20 F non-resident ← 22.1). Categories are matched by name, not by letter: Table 28 letters 20 J…M are shifted (spec-snt §10.8).
/// </summary>
public static class WaybillCategories
{
    /// <summary>Invoice field 10 letters A, B, D, E, F, I, J, K, L, M.</summary>
    public static readonly IReadOnlyList<string> Seller =
        [Committent, Broker, Lessor, SharingAgreement, JointActivity, Principal, Lawyer, Notary, Mediator, Bailiff];

    /// <summary>Invoice field 20 letters A, B, C, D, G, H, I, J (individual), J/K (lawyer), K/L, L/M, M/N.</summary>
    public static readonly IReadOnlyList<string> Customer =
        [Committent, Broker, Lessee, JointActivity, SharingAgreement, Principal, Retail, Individual, Lawyer, Notary, Mediator, Bailiff];
}
