using System.Globalization;
using System.Xml.Linq;
using Esf.Domain.Invoices;
using Esf.Domain.Invoices.Document;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Signatures;
using Esf.Infrastructure.Xml;
using Esf.Tests.Infrastructure;

namespace Esf.Tests.Printing;

/// <summary>
/// Invoices to print: the official SDK sample (read in place from shared/reference) and a 200-line invoice of three
/// joint-activity sellers with their section H shares, both as stored records signed with a test certificate.
/// </summary>
public static class PrintableInvoices
{
    public const int ManyLines = 200;
    public const string RegistrationNumber = "ESF-123456789021-20261115-00000042";

    /// <summary>The invoice of the SDK's «One InvoiceV2.xml» (null when shared/ is absent).</summary>
    public static string? SdkSampleBody() => SharedReference.SdkSample is { } path
        ? XElement.Load(path).Element("invoiceSet")!.Elements().Single().ToString(SaveOptions.DisableFormatting)
        : null;

    public static string ThreeSellerBody()
    {
        var sellers = new[] { "111111111111", "222222222222", "333333333333" };
        var products = Enumerable.Range(1, ManyLines).Select(n => new Product
        {
            CatalogTruId = "1", Description = $"Товар № {n} «Қазақстан» ә ғ қ ң ө ұ ү һ і", TruOriginCode = "5", UnitNomenclature = "796",
            Quantity = 3, UnitPrice = 100.00m + n, PriceWithoutTax = 3 * (100.00m + n), NdsRate = 12, NdsAmount = 0.36m * (100.00m + n),
            PriceWithTax = 3.36m * (100.00m + n), TurnoverSize = 3 * (100.00m + n), UnitCode = "3004200002", TnvedName = $"Наименование по ДТ {n}",
        }).ToList();
        var body = new InvoiceBody
        {
            Date = "15.11.2026", InvoiceType = "ORDINARY_INVOICE", Num = "2001", OperatorFullname = "Әбілқасымова Гүлнұр Жақсылыққызы",
            TurnoverDate = "14.11.2026", AddInf = "Совместная деятельность: три участника",
            Customers = [new Customer { Tin = "444444444444", Name = "ТОО «Алушы»", Address = "Алматы, Абай даңғылы, 150", CountryCode = "KZ" }],
            DeliveryTerm = new DeliveryTerm { HasContract = true, ContractNum = "17-Б", ContractDate = "01.02.2026", Term = "безналичный расчет", TransportTypeCode = "30" },
            Consignor = new Consignor { Tin = "111111111111", Name = "ТОО «Жөнелтуші»", Address = "Астана" },
            Consignee = new Consignee { Tin = "444444444444", Name = "ТОО «Алушы»", Address = "Алматы", CountryCode = "KZ" },
            DeliveryDocNum = "555", DeliveryDocDate = "13.11.2026",
            ProductSet = new ProductSet
            {
                CurrencyCode = "KZT", Products = products,
                TotalPriceWithoutTax = products.Sum(p => p.PriceWithoutTax), TotalNdsAmount = products.Sum(p => p.NdsAmount),
                TotalPriceWithTax = products.Sum(p => p.PriceWithTax), TotalTurnoverSize = products.Sum(p => p.TurnoverSize), TotalExciseAmount = 0,
            },
            Sellers = [.. sellers.Select((tin, i) => new Seller
            {
                Tin = tin, Name = $"ТОО «Серіктес {i + 1}»", Address = $"Астана, Мәңгілік Ел, {i + 1}", ShareParticipation = i == 0 ? 0.5m : 0.25m,
                Statuses = ["JOINT_ACTIVITY_PARTICIPANT"], Kbe = "17", Iik = "KZ32914398914BC3172" + i, Bik = "SABRKZKA", Bank = "АО «Банк»",
            })],
            SellerParticipants = [.. sellers.Select((tin, i) => new Participant
            {
                Tin = tin,
                ProductShares = [.. products.Select((p, n) => new ProductShare
                {
                    ProductNumber = n + 1, Quantity = i == 0 ? 1.5m : 0.75m, PriceWithoutTax = Share(p.PriceWithoutTax, i),
                    NdsRate = 12, NdsAmount = Share(p.NdsAmount, i), PriceWithTax = Share(p.PriceWithTax, i), TurnoverSize = Share(p.TurnoverSize, i),
                })],
            })],
        };
        return InvoiceXmlWriter.Write(body);
    }

    /// <summary>A stored, registered invoice with this body, signed (company key) with a fresh test certificate.</summary>
    public static InvoiceRecord Stored(string body, string? registrationNumber = RegistrationNumber)
    {
        var document = InvoiceXmlParser.Parse(body);
        using var certificate = CertificateFactory.Create("ТЕСТОВ ТЕСТ", "870101300123", document.Sellers[0].Tin);
        return new InvoiceRecord
        {
            InvoiceId = 10000000000000042,
            RegistrationNumber = registrationNumber,
            Status = registrationNumber is null ? InvoiceStatus.InQueue : InvoiceStatus.Created,
            Num = document.Num!,
            DateText = document.Date!,
            InvoiceType = document.InvoiceType!,
            SellerTin = document.Sellers[0].Tin!,
            CustomerTin = document.Customers[0].Tin,
            Body = body,
            Signature = "c2lnbmF0dXJl",
            SignatureType = "COMPANY",
            SignatureValid = true,
            Certificate = CertificateFactory.ToBase64(certificate),
            Version = "InvoiceV2",
            Hash = Sha256Hex.Of(body),
            InputDate = DateTimeOffset.UtcNow,
            LastUpdateDate = DateTimeOffset.UtcNow,
        };
    }

    public static string Amount(decimal? value) => value!.Value.ToString(CultureInfo.InvariantCulture);

    private static decimal? Share(decimal? amount, int seller) => amount * (seller == 0 ? 0.5m : 0.25m);
}
