using Esf.Domain.Invoices.Document;
using Esf.Domain.Waybills;
using Esf.Domain.Waybills.Document;
using static Esf.Domain.Rules.Document.Categories;
using static Esf.Tests.Rules.WaybillScenarios;

namespace Esf.Tests.Rules;

/// <summary>
/// For every rule of spec-snt §9 (SNT-Rnnn), the minimal change that breaks it: the valid body becomes the invoice Tables 28/29
/// give from a registered waybill (which passes every rule, see InvoicePrefillTests), then one field or the waybill changes.
/// </summary>
internal static class SntRuleCases
{
    private const string Other = "123456789099";

    /// <summary>A main invoice on the sample primary waybill.</summary>
    private static void Ordinary(InvoiceBody b, FakeRegistryView r, Action<WaybillBody>? change = null, WaybillStatus status = WaybillStatus.NotViewed)
    {
        var primary = Primary(change);
        r.WaybillStore.Add(primary, status);
        Overwrite(b, Invoice(primary));
    }

    /// <summary>A corrected invoice on a corrected waybill whose primary (with the main invoice) the buyer declined.</summary>
    private static void Fixed(InvoiceBody b, FakeRegistryView r, WaybillStatus status = WaybillStatus.NotViewed, DateOnly? declinedOn = null)
    {
        var primary = Primary();
        r.WaybillStore.Add(primary, WaybillStatus.Declined, [MainInvoice], declinedOn ?? DeclinedOn);
        var corrected = Corrected(primary);
        r.WaybillStore.Add(corrected, status);
        Overwrite(b, Invoice(corrected, MainInvoiceLink));
    }

    /// <summary>An additional invoice on a return of the confirmed primary.</summary>
    private static void Return(InvoiceBody b, FakeRegistryView r, WaybillStatus status = WaybillStatus.NotViewed)
    {
        var primary = Primary();
        r.WaybillStore.Add(primary, WaybillStatus.Confirmed, [MainInvoice]);
        var returned = WaybillScenarios.Return(primary);
        r.WaybillStore.Add(returned, status);
        Overwrite(b, Invoice(returned, MainInvoiceLink));
    }

    /// <summary>The same change, on a main invoice (Table 28) and on an additional invoice for a return (Table 29).</summary>
    private static IEnumerable<KeyValuePair<string, Action<InvoiceBody, FakeRegistryView>>> Both(string t28, string t29, Action<InvoiceBody> change) =>
    [
        new(t28, (b, r) => { Ordinary(b, r); change(b); }),
        new(t29, (b, r) => { Return(b, r); change(b); }),
    ];

    private static Action<InvoiceBody, FakeRegistryView> OnMain(Action<InvoiceBody> change) => (b, r) => { Ordinary(b, r); change(b); };

    private static Action<InvoiceBody, FakeRegistryView> OnReturn(Action<InvoiceBody> change) => (b, r) => { Return(b, r); change(b); };

    private static Action<InvoiceBody, FakeRegistryView> InSection(int section, string waybillUnit, string invoiceUnit, int line = 0) => (b, r) =>
    {
        Ordinary(b, r, w => (w.ProductSet.Products[line].Section, w.ProductSet.Products[line].MeasureUnitCode) = (section, waybillUnit));
        b.ProductSet.Products[line].UnitNomenclature = invoiceUnit;
    };

    private static Product Paper(InvoiceBody b) => b.ProductSet.Products[0];

    private static Product Cigarettes(InvoiceBody b) => b.ProductSet.Products[2];

    private static readonly KeyValuePair<string, Action<InvoiceBody, FakeRegistryView>>[] Cases =
    [
        new("SNT-R055", OnMain(b => b.DeliveryDocNum = Number(ValidBody.Seller, 99))),
        new("SNT-R056", OnMain(b => b.DeliveryDocDate = "13.11.2026")),
        new("SNT-R001", OnReturn(b => b.InvoiceType = "ORDINARY_INVOICE")),
        new("SNT-R002", (b, r) => Ordinary(b, r, status: WaybillStatus.Declined)),
        new("SNT-R004", (b, r) =>
        {
            Ordinary(b, r);
            r.WaybillStore.Change(b.DeliveryDocNum!, w => w with { Invoices = [MainInvoice] });
        }),
        new("SNT-R005", OnMain(b => b.InvoiceType = "FIXED_INVOICE")),
        new("SNT-R006", (b, r) => Fixed(b, r, WaybillStatus.Revoked)),
        new("SNT-R007A", (b, r) => { Fixed(b, r); (b.InvoiceType, b.RelatedInvoice) = ("ORDINARY_INVOICE", null); }),
        new("SNT-R007B", (b, r) => { Fixed(b, r); b.RelatedInvoice!.Num = "999"; }),
        new("SNT-R009", OnMain(b => b.InvoiceType = "ADDITIONAL_INVOICE")),
        new("SNT-R010", (b, r) => Return(b, r, WaybillStatus.ConfirmedByOgd)),
        new("SNT-R012", OnReturn(b => b.RelatedInvoice!.Num = "999")),
        new("SNT-R013", OnMain(b => b.ProductSet.Products.Add(new Product { Description = "Картон", TruOriginCode = "5", CatalogTruId = "1" }))),
        new("SNT-R060", OnMain(b => Paper(b).ProductNumberInSnt = "1/9")),
        new("SNT-R166", OnMain(b => b.ProductSet.Products.RemoveAt(1))),
        new("SNT-R155", (b, r) => Fixed(b, r, declinedOn: new DateOnly(2026, 11, 9))),
        new("SNT-R158", (b, r) => Ordinary(b, r, w => w.ImportType = WaybillTypeNames.Import)),
        new("SNT-R163", (b, r) => Ordinary(b, r, status: WaybillStatus.SendToIsgo)),
        .. Both("SNT-R024", "SNT-R094", b => b.Sellers[0].Tin = Other),
        .. Both("SNT-R025", "SNT-R095", b => b.Sellers[0].BranchTin = Other),
        .. Both("SNT-R026", "SNT-R096", b => b.Sellers[0].ReorganizedTin = Other),
        .. Both("SNT-R028", "SNT-R101", b => b.Sellers[0].Statuses = [Lessor]),
        .. Both("SNT-R029", "SNT-R099", b => b.Sellers[0].Statuses = [Exporter]),
        .. Both("SNT-R032", "SNT-R103", b => b.Customers[0].Tin = Other),
        .. Both("SNT-R036", "SNT-R105", b => b.Customers[0].CountryCode = "RU"),
        .. Both("SNT-R037", "SNT-R107", b => b.Customers[0].Statuses = [Retail]),
        .. Both("SNT-R038", "SNT-R108", b => b.Customers[0].Statuses = [NonResident]),
        .. Both("SNT-R080", "SNT-R148", b => b.SellerAgentTin = Other),
        .. Both("SNT-R082", "SNT-R149", b => b.SellerAgentDocNum = "7"),
        .. Both("SNT-R083", "SNT-R150", b => b.CustomerAgentTin = Other),
        .. Both("SNT-R085", "SNT-R151", b => b.CustomerAgentDocNum = "7"),
        .. Both("SNT-R041", "SNT-R112", b => b.Consignor!.Tin = Other),
        .. Both("SNT-R042", "SNT-R113", b => b.Consignee!.Tin = Other),
        .. Both("SNT-R043", "SNT-R114", b => b.Consignee!.CountryCode = "RU"),
        .. Both("SNT-R049", "SNT-R120", b => b.DeliveryTerm!.TransportTypeCode = "40"),
        .. Both("SNT-R058", "SNT-R127", b => b.ProductSet.CurrencyCode = "USD"),
        new("SNT-R115", OnReturn(b => b.DeliveryTerm!.HasContract = false)),
        new("SNT-R117", OnReturn(b => b.DeliveryTerm!.ContractNum = "Д-78/2026")),
        new("SNT-R118", OnReturn(b => b.DeliveryTerm!.ContractDate = "02.11.2026")),
        new("SNT-R119", OnReturn(b => b.DeliveryTerm!.Term = "Наличный расчёт")),
        new("SNT-R121", OnReturn(b => b.DeliveryTerm!.Warrant = "16")),
        new("SNT-R122", OnReturn(b => b.DeliveryTerm!.WarrantDate = "11.11.2026")),
        new("SNT-R123", OnReturn(b => b.DeliveryTerm!.DeliveryConditionCode = "EXW")),
        new("SNT-R061", OnMain(b => Paper(b).TruOriginCode = "4")),
        new("SNT-R063", OnMain(b => Cigarettes(b).TnvedName = "Табак")),
        new("SNT-R064", OnMain(b => Paper(b).UnitCode = "4802000000")),
        new("SNT-R065", OnMain(b => Paper(b).UnitNomenclature = "5111")),
        new("SNT-R066", OnMain(b => Paper(b).Quantity = 13m)),
        new("SNT-R135", OnReturn(b => Paper(b).Quantity = -3m)),
        new("SNT-R076", OnMain(b => Cigarettes(b).ProductDeclaration = "50100/011126/0099999")),
        new("SNT-R077", OnMain(b => Cigarettes(b).ProductNumberInDeclaration = "9")),
        new("SNT-R078", OnMain(b => Paper(b).CatalogTruId = "2")),
        new("SNT-R087", (b, r) => { Ordinary(b, r); b.ProductSet.Products[1].UnitNomenclature = "796"; }),
        new("SNT-R088", InSection(4, "778", "796")),
        new("SNT-R089", InSection(6, "168", "796")),
        new("SNT-R090", (b, r) => { Ordinary(b, r); Cigarettes(b).UnitNomenclature = "112"; }),
        new("SNT-R091", InSection(9, "796", "112")),
        new("SNT-R142", OnReturn(b => Paper(b).NdsAmount = 444.12m)),
        new("SNT-R143", OnReturn(b => Paper(b).PriceWithTax = 4145.12m)),
    ];

    public static IReadOnlyDictionary<string, Action<InvoiceBody, FakeRegistryView>> All { get; } = Cases.ToDictionary();
}
