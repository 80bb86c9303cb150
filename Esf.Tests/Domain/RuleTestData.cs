using Esf.Domain.Invoices;
using Esf.Domain.Rules;

namespace Esf.Tests.Domain;

/// <summary>A valid invoice and a registry that knows its parties: each rule test changes one thing.</summary>
internal static class RuleTestData
{
    public const string Seller = "123456789021";
    public const string Customer = "123456789011";
    public static readonly DateOnly Date = new(2026, 11, 15);

    public static InvoiceDocument Document(string? seller = Seller, string? customer = Customer, bool nonResidentCustomer = false) => new()
    {
        Num = "1001",
        DateText = "15.11.2026",
        Date = Date,
        TurnoverDate = Date,
        Sellers = [new InvoiceParty(seller, "ТОО «Поставщик»")],
        Customers = [new InvoiceParty(customer, "ТОО «Покупатель»", nonResidentCustomer)],
    };

    public static SignatureCheck ValidSignatureOfSeller => new(true, "870101300123", Seller);

    public static RegistrationContext Context(
        InvoiceDocument? document = null, SignatureCheck? signature = null, FakeRegistry? registry = null) =>
        new(document ?? Document(), signature ?? ValidSignatureOfSeller, registry ?? new FakeRegistry());

    internal sealed class FakeRegistry(params string[] unknownTins) : IRegistryView
    {
        public HashSet<(string, string, DateOnly)> Taken { get; } = [];

        public bool TaxpayerExists(string tin) => !unknownTins.Contains(tin);

        public bool IsNumberTaken(string sellerTin, string num, DateOnly date) => Taken.Contains((sellerTin, num, date));
    }
}
