using Esf.Domain.Invoices.Document;
using static Esf.Domain.Rules.Document.Define;

namespace Esf.Domain.Rules.Document;

/// <summary>Section H: the participants' shares of each line when the supplier or customer block is replicated.</summary>
public static class SectionHRules
{
    private static IEnumerable<string> ParticipantErrors(string side, int blocks, List<Participant>? participants)
    {
        if (blocks > 1 && participants?.Count != blocks || blocks <= 1 && participants is not null)
        {
            yield return $"{side}Participants";
        }
    }

    private static IEnumerable<string> ShareErrors(InvoiceBody b, string side, List<Participant>? participants)
    {
        if (participants is null or { Count: 0 })
        {
            yield break;
        }

        for (var i = 0; i < b.ProductSet.Products.Count; i++)
        {
            var line = b.ProductSet.Products[i];
            var shares = participants.SelectMany(p => p.ProductShares).Where(s => s.ProductNumber == i + 1).ToList();
            if (shares.Count > 0 && line.PriceWithTax is { } total && Math.Abs(shares.Sum(s => s.PriceWithTax ?? 0m) - total) > ArithmeticRules.Cent * shares.Count)
            {
                yield return $"{side}Participants.participant[].productShares.share[{i}].priceWithTax";
            }
        }
    }

    public static IReadOnlyList<IDocumentRule> All { get; } =
    [
        Doc("H-01", "SELLER_PROJECT_PARTICIPANTS_ERROR",
            "Раздел H заполняется по одному участнику на каждый блок поставщика (получателя) при количестве участников более одного",
            "Section H has one participant per replicated supplier (customer) block, and is absent otherwise", "spec-invoice §5.10, L1820–1834",
            ["sellerParticipants", "customerParticipants", "sellers.seller[]", "customers.customer[]"],
            b => ParticipantErrors("seller", b.Sellers.Count, b.SellerParticipants)
                .Concat(ParticipantErrors("customer", b.Customers.Count, b.CustomerParticipants))),
        Doc("H-02", "PARTICIPANT_SHARE_INCORRECT", "Сумма долей участников (H14) по строке должна быть равна стоимости строки (G14)",
            "The participants' shares of a line (H14) must add up to the line value (G14)", "spec-invoice §5.10, L1836–1840",
            ["sellerParticipants.participant[].productShares.share[].priceWithTax", "productSet.products.product[].priceWithTax"],
            b => ShareErrors(b, "seller", b.SellerParticipants).Concat(ShareErrors(b, "customer", b.CustomerParticipants)),
            "The manual gives no formula; the shares must add up to the line within a cent per participant (each share is rounded on its own)."),
    ];
}
