using Esf.Domain.Invoices.Document;

namespace Esf.Tests.Documents;

/// <summary>Random but schema-shaped invoice bodies for property-style round-trip tests: every optional part sometimes present.</summary>
internal sealed class GeneratedInvoices(int seed)
{
    private static readonly string[] Texts =
        ["ТОО «Ромашка»", "Қазақстан, Астана, Мәңгілік Ел 55", "Ölçü & <test> \"quotes\"", "emoji 🧾 ok", "  spaced  ", "日本語", "a'b"];

    private readonly Random random = new(seed);

    public InvoiceBody Next()
    {
        var lines = random.Next(1, 12);
        var sellers = random.Next(1, 3);
        return new InvoiceBody
        {
            Date = Date(), InvoiceType = "ORDINARY_INVOICE", Num = random.NextInt64(1, long.MaxValue).ToString(), OperatorFullname = Text(),
            RelatedInvoice = Maybe(() => new RelatedInvoice { Date = Date(), Num = "42", RegistrationNumber = Maybe(() => "ESF-123456789021-20261115-00000001") }),
            TurnoverDate = Date(), AddInf = Maybe(Text),
            Consignee = Maybe(() => new Consignee { Address = Maybe(Text), CountryCode = "KZ", Name = Maybe(Text), Tin = Maybe(Tin) }),
            Consignor = Maybe(() => new Consignor { Address = Maybe(Text), Name = Maybe(Text), Tin = Maybe(Tin) }),
            CustomerAgentTin = Maybe(Tin), CustomerAgentName = Maybe(Text), CustomerAgentDocDate = Maybe(Date),
            Customers = [.. Enumerable.Range(0, random.Next(1, 3)).Select(_ => new Customer
            {
                Address = Maybe(Text), CountryCode = "KZ", Name = Text(), Tin = Maybe(Tin), ShareParticipation = Maybe(() => (decimal?)0.333333m),
                Statuses = Maybe(() => new List<string> { "NONRESIDENT", "RETAIL" }), Trailer = Maybe(Text),
            })],
            DeliveryDocDate = Maybe(Date), DeliveryDocNum = Maybe(() => "555"),
            DeliveryTerm = Maybe(() => new DeliveryTerm { HasContract = random.Next(2) == 0, ContractNum = Maybe(() => "517"), Term = Maybe(Text) }),
            ProductSet = new ProductSet
            {
                CurrencyCode = "KZT", CurrencyRate = Maybe(() => (decimal?)470.123456m),
                Products = [.. Enumerable.Range(0, lines).Select(_ => Product())],
                TotalExciseAmount = Amount(), TotalNdsAmount = Amount(), TotalPriceWithTax = Amount(), TotalPriceWithoutTax = Amount(), TotalTurnoverSize = Amount(),
            },
            PublicOffice = Maybe(() => new PublicOffice { Bik = "KKMFKZ2A", Iik = "KZ32914398914BC31725", PayPurpose = Maybe(() => "Оплата") }),
            SellerAgentTin = Maybe(Tin), SellerAgentDocNum = Maybe(() => "7"),
            SellerParticipants = sellers > 1 ? [.. Enumerable.Range(0, sellers).Select(_ => new Participant
            {
                Tin = Tin(), ProductShares = [new ProductShare { ProductNumber = 1, NdsAmount = Amount(), PriceWithTax = Amount(), PriceWithoutTax = Amount(), TurnoverSize = Amount() }],
            })] : null,
            Sellers = [.. Enumerable.Range(0, sellers).Select(_ => new Seller
            {
                Address = Maybe(Text), Bik = Maybe(() => "SABRKZKA"), Iik = Maybe(() => "KZ32914398914BC31725"), Kbe = Maybe(() => "17"),
                IsBranchNonResident = Maybe(() => (bool?)true), Name = Text(), Tin = Tin(), Statuses = Maybe(() => new List<string> { "EXPORTER" }),
            })],
        };
    }

    private Product Product() => new()
    {
        CatalogTruId = "1", Description = Maybe(Text), ExciseAmount = Maybe(() => (decimal?)Amount()), NdsAmount = Amount(), NdsRate = Maybe(() => (int?)12),
        PriceWithTax = Amount(), PriceWithoutTax = Amount(), Quantity = Maybe(() => (decimal?)(random.Next(1, 1_000_000) / 1000m)),
        TruOriginCode = random.Next(1, 7).ToString(), TurnoverSize = Amount(), UnitCode = Maybe(() => "3004200002"), UnitNomenclature = Maybe(() => "796"),
        UnitPrice = Maybe(() => (decimal?)(random.Next(1, 10_000_000) / 100m)), TnvedName = Maybe(Text),
    };

    private decimal Amount() => random.NextInt64(0, 10_000_000_000) / 100m;

    private string Tin() => random.NextInt64(100_000_000_000, 999_999_999_999).ToString();

    private string Text() => Texts[random.Next(Texts.Length)];

    private string Date() => new DateOnly(2020, 1, 1).AddDays(random.Next(0, 3000)).ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);

    private T? Maybe<T>(Func<T> value) => random.Next(2) == 0 ? value() : default;
}
