using Esf.Domain.Waybills;
using Esf.Domain.Waybills.Document;
using static Esf.Tests.Rules.WaybillScenarios;

namespace Esf.Tests.Rules;

/// <summary>For every rule of the waybill's own control (SNT-F, SNT-W), the minimal change to the sample that breaks it.</summary>
internal static class WaybillRuleCases
{
    private const string Other = "123456789099";

    /// <summary>The case's waybill becomes a corrected (or return) one naming a registered waybill in <paramref name="status"/>.</summary>
    private static WaybillDocument Relate(WaybillRuleCase c, string type, WaybillStatus status, Action<WaybillBody>? changeRelated = null)
    {
        var related = Primary(changeRelated);
        c.Registry.WaybillStore.Add(related, status);
        c.Body.Type = type;
        c.Body.RelatedWaybill = new RelatedWaybill { RegistrationNumber = related.RegistrationNumber, Date = related.Body.Date };
        return related;
    }

    private static WaybillProduct Line(WaybillRuleCase c, int i) => c.Body.ProductSet.Products[i];

    public static IReadOnlyDictionary<string, Action<WaybillRuleCase>> All { get; } = new Dictionary<string, Action<WaybillRuleCase>>
    {
        ["SNT-F01"] = c => c.Body.Date = "31.02.2026",
        ["SNT-F02"] = c => c.Body.ShippingDate = "31.02.2026",
        ["SNT-F03"] = c => c.Body.RelatedWaybill = new RelatedWaybill { RegistrationNumber = Number(ValidBody.Seller, 1), Date = "10.11.2026" },
        ["SNT-F04"] = c => (c.Body.Type, c.Body.RelatedWaybill) =
            (WaybillTypeNames.Corrected, new RelatedWaybill { RegistrationNumber = Number(ValidBody.Seller, 1), Date = "20.11.2026" }),
        ["SNT-F05"] = c => c.Body.Seller.Tin = null,
        ["SNT-F06"] = c => c.Body.Customer.Tin = null,
        ["SNT-F07"] = c => c.Body.ExportType = WaybillTypeNames.Export,
        ["SNT-F08"] = c => c.Body.Contract.HasContract = false,
        ["SNT-F09"] = c => c.Body.Seller.Agent = new WaybillAgent { Tin = Other, DocDate = "01.11.2026" },
        ["SNT-F10"] = c => c.Body.Customer.Agent = new WaybillAgent { Tin = Other, DocDate = "01.11.2026" },
        ["SNT-F11"] = c => c.Body.Customer.Agent = new WaybillAgent { Tin = Other, DocNum = "7" },
        ["SNT-F12"] = c => Line(c, 1).Section = 1,
        ["SNT-F13"] = c => Line(c, 0).TruOriginCode = "6",
        ["SNT-F14"] = c => Line(c, 1).MeasureUnitCode = "796",
        ["SNT-F15"] = c => Line(c, 0).Quantity = 0m,
        ["SNT-F16"] = c => Line(c, 0).NdsAmount = 2000m,
        ["SNT-F17"] = c => c.Body.ProductSet.CurrencyRate = 470.5m,
        ["SNT-F18"] = c => Line(c, 2).TnvedName = null,
        ["SNT-W01"] = c => c.Signature = c.Signature with { IsValid = false },
        ["SNT-W02"] = c => c.Signature = c.Signature with { SignerBin = Other },
        ["SNT-W03"] = c => c.Registry.Taxpayers.Remove(ValidBody.Seller),
        ["SNT-W04"] = c => c.Registry.Taxpayers.Remove(ValidBody.Customer),
        ["SNT-W05"] = c => c.Body.Consignor.Tin = Other,
        ["SNT-W06"] = c => c.Body.Consignee.Tin = Other,
        ["SNT-W07"] = c => c.Body.Shipping.TransporterTin = Other,
        ["SNT-W08"] = c => c.Registry.WaybillStore.TakenNumbers.Add((ValidBody.Seller, "СНТ-501", new DateOnly(2026, 11, 14))),
        ["SNT-W09"] = c => (c.Body.Type, c.Body.RelatedWaybill) =
            (WaybillTypeNames.Corrected, new RelatedWaybill { RegistrationNumber = Number(ValidBody.Seller, 98), Date = "14.11.2026" }),
        ["SNT-W10"] = c => Relate(c, WaybillTypeNames.Corrected, WaybillStatus.NotViewed, w => w.Type = WaybillTypeNames.Corrected),
        ["SNT-W11"] = c => Relate(c, WaybillTypeNames.Return, WaybillStatus.Confirmed, w => w.Type = WaybillTypeNames.Return),
        ["SNT-W12"] = c => Relate(c, WaybillTypeNames.Corrected, WaybillStatus.SendToIsgo),
        ["SNT-W13"] = c => Relate(c, WaybillTypeNames.Corrected, WaybillStatus.Confirmed),
        ["SNT-W14"] = c =>
        {
            Relate(c, WaybillTypeNames.Corrected, WaybillStatus.NotViewed);
            c.Body.Customer.Tin = Other;
        },
        ["SNT-W15"] = c =>
        {
            Relate(c, WaybillTypeNames.Corrected, WaybillStatus.NotViewed);
            c.Body.ShippingDate = "13.11.2026";
        },
        ["SNT-W16"] = c =>
        {
            Relate(c, WaybillTypeNames.Return, WaybillStatus.Confirmed);
            Line(c, 0).Quantity = 20m;
        },
    };
}
