using Esf.Domain.Invoices.Document;
using Esf.Domain.Procurement;
using Esf.Domain.Rules;
using Esf.Domain.Rules.Document;

namespace Esf.Tests.Rules;

/// <summary>For every registration rule, the minimal change (to the body, the registry or both) that breaks it.</summary>
internal static class RegistryRuleCases
{
    private const string Other = "123456789099";
    private const string Reorganized = "123456789055";

    private static OriginalInvoice Original(string status = "DELIVERED", string type = "ORDINARY_INVOICE", string seller = ValidBody.Seller,
        decimal total = 41670.72m) => new(7, status, type, seller, ValidBody.Customer, "900", new DateOnly(2026, 11, 10), total);

    private static void Link(InvoiceBody b, string type) =>
        (b.InvoiceType, b.RelatedInvoice) = (type, new RelatedInvoice { Num = "900", Date = "10.11.2026" });

    private static readonly Dictionary<string, Action<InvoiceBody, FakeRegistryView>> InvoiceCases = new()
    {
        ["GEN-01"] = (_, _) => { },
        ["B-02"] = (_, _) => { },
        ["A-02"] = (_, _) => { },
        ["POA-01"] = (_, _) => { },
        ["B-01"] = (_, r) => r.Taxpayers.Remove(ValidBody.Seller),
        ["C-02"] = (_, r) => r.Taxpayers.Remove(ValidBody.Customer),
        ["B-09"] = (b, r) => (b.Sellers[0].CertificateSeries, b.Sellers[0].CertificateNum, r.Taxpayers[ValidBody.Seller]) =
            ("13788", "1399478", r.Taxpayers[ValidBody.Seller] with { CertificateSeries = "13788", CertificateNum = "1" }),
        ["B-10"] = (b, _) => b.Sellers[0].IsBranchNonResident = true,
        ["ADD-03"] = (b, r) =>
        {
            Link(b, "ADDITIONAL_INVOICE");
            r.Originals.Add(Original() with { Body = ValidBody.Create() });
            b.ProductSet.CurrencyCode = "USD";
        },
        ["A-08"] = (b, _) => (b.DatePaper, b.ReasonPaper) = ("02.11.2026", "DOWN_TIME"),
        ["B-12"] = (b, _) => b.Sellers[0].Statuses = [Categories.SharingAgreement],
        // The bank accounts were imported (the seller has another account), so the rule can decide.
        ["B-20"] = (b, r) => (b.Sellers[0].Iik, r.Accounts[(ValidBody.Seller, "KZ126010001000123456")]) = ("KZ32914398914BC31725", "HSBKKZKX"),
        ["B-21"] = (b, r) => (b.Sellers[0].Iik, b.Sellers[0].Bik, r.Accounts[(ValidBody.Seller, "KZ32914398914BC31725")]) =
            ("KZ32914398914BC31725", "HSBKKZKX", "SABRKZKA"),
        ["C-04"] = (b, r) => (b.Customers[0].BranchTin, r.Taxpayers[Other]) = (Other, new TaxpayerFacts(Other, true, null, null, "999999999999", null, null)),
        ["C-05"] = (b, _) => b.Customers[0].ReorganizedTin = Other,
        ["C-12"] = (b, _) => b.Customers[0].Statuses = [Categories.SharingAgreement],
        ["D-01"] = (b, _) => b.Consignor = new Consignor { Tin = Other, Name = "ТОО" },
        ["D-03"] = (b, _) => b.Consignee = new Consignee { Tin = Other, Name = "ТОО", CountryCode = "KZ" },
        ["I-01"] = (b, _) => b.SellerAgentTin = Other,
        ["I-02"] = (b, r) => (b.SellerAgentTin, b.Sellers[0].Statuses, r.Taxpayers[Other]) =
            (Other, [Categories.SharingAgreement], new TaxpayerFacts(Other, true, null, null, null, null, null)),
        ["J-01"] = (b, r) => (b.CustomerAgentTin, b.Customers[0].Statuses) = (ValidBody.Seller, [Categories.SharingAgreement]),
        ["J-02"] = (b, r) => (b.CustomerAgentTin, r.Taxpayers[Other]) = (Other, new TaxpayerFacts(Other, false, null, null, null, null, null)),
        ["A-03"] = (_, r) => r.Today = new DateOnly(2026, 11, 14),
        ["G-12"] = (b, _) => (b.Sellers[0].Statuses, b.Customers[0].CountryCode, b.ProductSet.Products[0].TruOriginCode) = ([Categories.Exporter], "RU", "4"),
        ["G-13"] = (b, r) => (b.ProductSet.Products[0].TruOriginCode, b.ProductSet.Products[0].UnitCode, r.Tnved["4802"]) = ("3", "4802", false),
        ["G-14"] = (b, r) => (b.ProductSet.Products[0].UnitCode, b.ProductSet.Products[0].TruOriginCode, r.Tnved["4802"]) = ("4802", "4", true),
        ["G-15"] = (b, r) => (b.Sellers[0].Statuses, b.Customers[0].CountryCode, b.ProductSet.Products[0].UnitCode, r.Tnved["4802"]) =
            ([Categories.Exporter], "CN", "4802", true),
        ["G-30"] = (_, r) => r.VatRates.Remove(12),
        ["G-31"] = (_, r) => r.Taxpayers[ValidBody.Seller] = r.Taxpayers[ValidBody.Seller] with { VatDeregisteredOn = new DateOnly(2026, 1, 1) },
        ["G-38"] = (b, _) => (b.Sellers[0].Statuses, b.Customers[0].CountryCode, b.ProductSet.Products[0].TruOriginCode) = ([Categories.Exporter], "RU", "3"),
        ["DIC-01"] = (b, _) => b.Sellers[0].CountryCode = "XX",
        ["DIC-02"] = (b, _) => b.Customers[0].CountryCode = "XX",
        ["DIC-03"] = (b, _) => b.Consignee = new Consignee { Name = "ТОО", CountryCode = "XX" },
        ["DIC-04"] = (b, _) => b.ProductSet.CurrencyCode = "XXX",
        ["ADD-01"] = (b, _) => Link(b, "ADDITIONAL_INVOICE"),
        ["COR-01"] = (b, _) => Link(b, "FIXED_INVOICE"),
        ["ADD-02"] = (b, r) => { Link(b, "ADDITIONAL_INVOICE"); r.Originals.Add(Original(status: "CANCELED")); },
        ["COR-10"] = (b, r) => { Link(b, "FIXED_INVOICE"); r.Originals.Add(Original(status: "REVOKED")); },
        ["COR-02"] = (b, r) => { Link(b, "FIXED_INVOICE"); r.Originals.Add(Original() with { CustomerTin = Other }); },
        ["ADD-09"] = (b, r) =>
        {
            Link(b, "ADDITIONAL_INVOICE");
            b.ProductSet.TotalPriceWithTax = -200m;
            r.Originals.Add(Original(total: 100m));
        },
        ["REO-01"] = (b, r) => (b.Sellers[0].ReorganizedTin, _) = (Reorganized, r.Successors.Add((Reorganized, Other))),
        ["REO-02"] = (b, r) =>
        {
            Link(b, "ADDITIONAL_INVOICE");
            b.Sellers[0].ReorganizedTin = Reorganized;
            r.Successors.Add((Reorganized, ValidBody.Seller));
        },
        ["REO-03"] = (b, r) =>
        {
            Link(b, "FIXED_INVOICE");
            b.Customers[0].ReorganizedTin = Reorganized;
            r.Successors.Add((Reorganized, ValidBody.Customer));
        },
        ["REO-04"] = (b, r) => (b.Customers[0].ReorganizedTin, _) = (Reorganized, r.Successors.Add((Reorganized, Other))),
        ["LIQ-03"] = (b, r) =>
        {
            b.Sellers[0].ReorganizedTin = Reorganized;
            r.Delegations.Add((Reorganized, ValidBody.Seller, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)));
        },
        ["EGZ-01"] = (b, r) => ProcurementActs.IssueOn(b, r, ProcurementActStatus.AcceptanceRefused),
        ["EGZ-02"] = (b, r) => { ProcurementActs.IssueOn(b, r); b.ProductSet.Products[0].Quantity += 1; },
        ["EGZ-03"] = (b, r) => ProcurementActs.IssueOn(b, r, invoices: [WaybillScenarios.MainInvoice]),
        ["EGZ-04"] = (b, r) => ProcurementActs.IssueOnContract(b, r, ProcurementContractStatus.NotActive),
        ["EGZ-05"] = (b, r) => ProcurementActs.IssueOnContract(b, r, ProcurementContractStatus.Active, ProcurementActs.Number),
        ["EGZ-06"] = (b, r) => { ProcurementActs.IssueOnContract(b, r); b.ProductSet.Products[0].Description += " (изменено)"; },
        ["EGZ-07"] = (b, r) => ProcurementActs.IssueBesideWaybill(b, r, w => w.Contract.Num = "ДРУГОЙ"),
        ["EGZ-08"] = (b, r) => ProcurementActs.IssueBesideWaybill(b, r, w => w.ExportType = "EXPORT"),
        ["LIQ-06"] = (b, r) =>
        {
            Link(b, "FIXED_INVOICE");
            b.RelatedInvoice!.RegistrationNumber = "ESF-7";
            b.Sellers[0].ReorganizedTin = Reorganized;
            r.Delegations.Add((Reorganized, ValidBody.Seller, new DateOnly(2025, 1, 1), new DateOnly(2027, 12, 31)));
            r.Originals.Add(Original(seller: ValidBody.Seller));
        },
    };

    /// <summary>The cases of the invoice rules and of the rules of invoices issued on a waybill (<see cref="SntRuleCases"/>).</summary>
    public static IReadOnlyDictionary<string, Action<InvoiceBody, FakeRegistryView>> All { get; } = InvoiceCases.Concat(SntRuleCases.All).ToDictionary();

    /// <summary>
    /// Rules whose failing case is not a change of body or registry (signature, uniqueness, signature type): tested in
    /// RegistrationRulesTests, and POA-01 end to end in the security suite.
    /// </summary>
    public static readonly string[] CoveredElsewhere = ["GEN-01", "B-02", "A-02", "POA-01"];
}
