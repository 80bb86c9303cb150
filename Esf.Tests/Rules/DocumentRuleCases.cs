using Esf.Domain.Invoices.Document;
using Esf.Domain.Rules.Document;

namespace Esf.Tests.Rules;

/// <summary>
/// For every document rule, the minimal change to the valid body that breaks it. Adding a rule without a case fails
/// <see cref="DocumentRulesTests.EveryDocumentRule_HasABreakingCase"/>.
/// </summary>
internal static class DocumentRuleCases
{
    private const string Tin = "123456789012";

    public static IReadOnlyDictionary<string, Action<InvoiceBody>> All { get; } = new Dictionary<string, Action<InvoiceBody>>
    {
        ["A-01"] = b => b.Num = "",
        ["A-04"] = b => b.TurnoverDate = "2026-11-15",
        ["A-05"] = b => b.RelatedInvoice = new RelatedInvoice { Date = "01.11.2026", Num = "1" },
        ["A-06"] = b => (b.InvoiceType, b.RelatedInvoice) = ("FIXED_INVOICE", new RelatedInvoice { Date = "16.11.2026", Num = "1" }),
        ["A-07"] = b => b.DatePaper = "01.11.2026",
        ["A-09"] = b => b.ReasonPaper = "MISSING_REQUIREMENT",
        ["A-10"] = b => (b.DatePaper, b.ReasonPaper, b.TurnoverDate) = ("01.11.2026", "DOWN_TIME", "02.11.2026"),
        ["DL-09"] = b => (b.InvoiceType, b.RelatedInvoice, b.TurnoverDate) = ("ADDITIONAL_INVOICE", new RelatedInvoice { Date = "01.10.2026", Num = "1" }, "20.10.2026"),
        ["DL-10"] = b => (b.InvoiceType, b.RelatedInvoice) = ("FIXED_INVOICE", new RelatedInvoice { Date = "14.11.2020", Num = "1" }),
        ["DL-08"] = b => b.TurnoverDate = "14.11.2021",
        ["B-06"] = b => b.Sellers[0].Name = " ",
        ["B-07"] = b => b.Sellers[0].ShareParticipation = 0.5m,
        ["B-11"] = b => b.Sellers[0].Statuses = [Categories.Lessor],
        ["B-13"] = b => b.Sellers.Add(new Seller { Name = "ТОО «Второй»", Tin = Tin }),
        ["B-14"] = b => (b.SellerAgentTin, b.SellerAgentDocNum, b.SellerAgentDocDate) = (Tin, "7", ValidBody.Date),
        ["B-17"] = b => b.Sellers[0].Iik = "KZ32914398914BC31725",
        ["B-18"] = b => b.Customers[0].Statuses = [Categories.PublicOfficeCustomer],
        ["B-19"] = b => b.Customers[0].Statuses = [Categories.PublicOfficeCustomer],
        ["I-04"] = b => (b.SellerAgentTin, b.SellerAgentDocDate) = (Tin, ValidBody.Date),
        ["I-05"] = b => (b.SellerAgentTin, b.SellerAgentDocNum) = (Tin, "7"),
        ["J-04"] = b => (b.CustomerAgentTin, b.CustomerAgentDocDate) = (Tin, ValidBody.Date),
        ["J-05"] = b => (b.CustomerAgentTin, b.CustomerAgentDocNum) = (Tin, "7"),
        ["C-01"] = b => b.Customers[0].Tin = null,
        ["C-03"] = b => b.Customers[0].Tin = "12345",
        ["C-06"] = b => b.Customers[0].Name = "",
        ["C-07"] = b => b.Customers[0].ShareParticipation = 0.5m,
        ["C-09"] = b => b.Customers[0].CountryCode = "RU",
        ["C-10"] = b => b.ProductSet.NdsRateType = BodyFacts.WithoutVatNotKz,
        ["C-13"] = b => b.Customers.Add(new Customer { Name = "ТОО «Второй»", Tin = Tin, CountryCode = "KZ" }),
        ["C-14"] = b => (b.CustomerAgentTin, b.CustomerAgentDocNum, b.CustomerAgentDocDate) = (Tin, "7", ValidBody.Date),
        ["C1-01"] = b => b.Customers[0].Statuses = [Categories.PublicOfficeCustomer],
        ["C1-02"] = b => (b.Customers[0].Statuses, b.PublicOffice) = ([Categories.PublicOfficeCustomer], new PublicOffice { Bik = "KKMFKZ2A", PayPurpose = "Оплата" }),
        ["C1-03"] = b => (b.Customers[0].Statuses, b.PublicOffice) = ([Categories.PublicOfficeCustomer], new PublicOffice { Bik = "KKMFKZ2A", Iik = "KZ32914398914BC31725" }),
        ["C1-04"] = b => b.PublicOffice = new PublicOffice { Bik = "NBRKKZKX" },
        ["RET-02"] = b => (b.Customers[0].Statuses, b.Customers[0].Tin) = ([Categories.Retail], null),
        ["D-02"] = b => b.Consignor = new Consignor { Tin = Tin },
        ["D-04"] = b => b.Consignee = new Consignee { Tin = Tin, CountryCode = "KZ" },
        ["D-05"] = b => b.Consignee = new Consignee { CountryCode = "RU", Name = "ООО «Грузополучатель»" },
        ["D-06"] = b => (b.ProductSet.NdsRateType, b.Consignee) = (BodyFacts.WithoutVatNotKz, new Consignee { CountryCode = "KZ" }),
        ["E-02"] = b => b.DeliveryTerm = new DeliveryTerm { HasContract = false, ContractNum = "517" },
        ["E-05"] = b => b.DeliveryTerm = new DeliveryTerm { HasContract = true, DeliveryConditionCode = "XYZ" },
        ["G-01"] = b => b.ProductSet.CurrencyCode = "kz",
        ["G-02"] = b => (b.ProductSet.CurrencyCode, b.ProductSet.CurrencyRate) = ("USD", 470.5m),
        ["G-03"] = b => b.ProductSet.CurrencyRate = 470.5m,
        ["G-07"] = b => b.ProductSet.Products.Clear(),
        ["G-08"] = b => b.ProductSet.Products[0].TruOriginCode = "7",
        ["G-09"] = b => b.ProductSet.Products[0].Description = null,
        ["G-10"] = b => b.ProductSet.Products[0].TruOriginCode = "1",
        ["G-11"] = b => b.ProductSet.Products[0].TruOriginCode = "3",
        ["G-17"] = b => b.ProductSet.Products[0].UnitNomenclature = null,
        ["G-18"] = b => b.ProductSet.Products[0].Quantity = null,
        ["G-19"] = b => b.ProductSet.Products[0].Quantity = -12m,
        ["G-20"] = b => b.ProductSet.Products[0].UnitPrice = null,
        ["G-21"] = b => b.ProductSet.Products[0].UnitPrice = -1850.50m,
        ["G-22"] = b => b.ProductSet.Products[0].UnitPrice = 1850.505m,
        ["G-24"] = b => b.ProductSet.Products[0].PriceWithoutTax = -1m,
        ["G-25"] = b => b.ProductSet.Products[0].PriceWithoutTax = 22206.001m,
        ["G-26"] = b => b.ProductSet.Products[0].ExciseAmount = 0.001m,
        ["G-28"] = b => b.ProductSet.Products[0].TurnoverSize = 22206.001m,
        ["G-29"] = b => b.ProductSet.Products[0].TurnoverSize = -1m,
        ["G-32"] = b => b.ProductSet.Products[0].NdsAmount = 2664.721m,
        ["G-35"] = b => b.ProductSet.Products[0].PriceWithTax = 0m,
        ["G-36"] = b => b.ProductSet.Products[0].PriceWithTax = 24870.721m,
        ["G-37"] = b => b.ProductSet.Products[0].TruOriginCode = "2",
        ["G-40"] = b => b.ProductSet.Products[0].TruOriginCode = "2",
        ["G-06"] = b => b.ProductSet.Products[0].NdsAmount = 2000m,
        ["G-33"] = b => b.ProductSet.Products[0].NdsRate = null,
        ["G-43"] = b => b.ProductSet.TotalNdsAmount = 1m,
        ["H-01"] = b => b.SellerParticipants = [new Participant { Tin = Tin }],
        ["H-02"] = b => b.SellerParticipants = [new Participant { Tin = Tin, ProductShares = [new ProductShare { ProductNumber = 1, PriceWithTax = 1m }] }],
    };
}
