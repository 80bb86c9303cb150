using Esf.Domain.Invoices.Document;
using Esf.Domain.Rules.Document;
using static Esf.Domain.Rules.Document.Define;

namespace Esf.Domain.Rules.Registration;

/// <summary>Corrected (COR) and additional (ADD) invoices against their original, reorganized persons (REO) and liquidated branches (LIQ).</summary>
public static class RelatedInvoiceRules
{
    public const string ReturnsOnly = "Выписка дополнительного ЭСФ возможна только на возврат товара";
    public const string NoReorganizedInCorrected = "Реорганизованное лицо не может быть участником исправленного ЭСФ";

    /// <summary>The statuses in which an original may be corrected or supplemented: registered and not annulled, revoked or declined.</summary>
    public static readonly string[] ActiveStatuses = ["CREATED", "DELIVERED"];

    private static OriginalInvoice? Original(RegistrationContext c) => Originals.Of(c.Document.Body, c.Registry);

    /// <summary>The link does not resolve to a registered invoice of the original's supplier (<see cref="Originals.SellerOf"/>).</summary>
    private static bool Unresolved(RegistrationContext c) => c.Document.Body.RelatedInvoice is not null && Original(c) is null;

    /// <summary>
    /// Rules p.22.4: a corrected or additional invoice to one issued on paper only, when on its date there was no requirement to
    /// issue it electronically, carries 2.1 with reason MISSING_REQUIREMENT and names no registration number: the original was
    /// never in the system, so there is none to look up.
    /// </summary>
    private static bool RefersToPaperOnly(InvoiceBody b) => b.ReasonPaper == "MISSING_REQUIREMENT" && b.RelatedInvoice is { } r && r.RegistrationNumber.IsBlank();

    private const string PaperOnlyNote = " A reference without registrationNumber on an invoice with reasonPaper MISSING_REQUIREMENT is to an original issued " +
        "on paper only (Rules p.22.4) and is not looked up; a paper original entered into the system is named like any other.";

    // A path is written only for a party naming a reorganized person (rare), not for every party of every invoice (issue 17).
    private static IEnumerable<(string Tin, string Path)> ReorganizedParties(InvoiceBody b)
    {
        for (var i = 0; i < b.Sellers.Count; i++)
        {
            if (b.Sellers[i].ReorganizedTin is { } tin && !tin.IsBlank())
            {
                yield return (tin, Paths.Seller(i, "reorganizedTin"));
            }
        }

        for (var i = 0; i < b.Customers.Count; i++)
        {
            if (b.Customers[i].ReorganizedTin is { } tin && !tin.IsBlank())
            {
                yield return (tin, Paths.Customer(i, "reorganizedTin"));
            }
        }
    }

    private static bool IsReorganization(RegistrationContext c, string tin) => c.Registry.IsReorganized(tin) && !c.Registry.IsLiquidatedBranch(tin);

    /// <summary>The fields ADD-03 compares; the first seller is the original's supplier (6.1 when issuing for a predecessor).</summary>
    private static IEnumerable<string> Differences(InvoiceBody b, InvoiceBody o, string? originalSeller)
    {
        if (!b.Sellers.Skip(1).Select(s => s.Tin).Prepend(originalSeller).SequenceEqual(o.Sellers.Select(s => s.Tin)))
        {
            yield return "sellers";
        }

        if (!b.Customers.Select(x => (x.Tin, x.CountryCode)).SequenceEqual(o.Customers.Select(x => (x.Tin, x.CountryCode))))
        {
            yield return "customers";
        }

        if (b.ProductSet.CurrencyCode != o.ProductSet.CurrencyCode)
        {
            yield return "productSet.currencyCode";
        }

        if ((b.DeliveryTerm?.ContractNum, b.DeliveryTerm?.ContractDate) != (o.DeliveryTerm?.ContractNum, o.DeliveryTerm?.ContractDate))
        {
            yield return "deliveryTerm";
        }
    }

    public static IReadOnlyList<IRegistrationRule> All { get; } =
    [
        Reg("ADD-01", "RELATED_INVOICE_NOT_FOUND", "Основной ЭСФ, указанный в ссылке (5.1–5.3), не найден среди зарегистрированных ЭСФ поставщика",
            "The original named by the reference (5.1–5.3) is not a registered invoice of the supplier", "spec-invoice §5.13, L2081–2090; Rules item 31",
            ["relatedInvoice.registrationNumber", "relatedInvoice.num", "relatedInvoice.date"],
            c => When(c.Document.Body.IsAdditional() && Unresolved(c) && !RefersToPaperOnly(c.Document.Body), "relatedInvoice"),
            "Resolved by registrationNumber when given, otherwise by the supplier, num and date; with a registrationNumber, num and date must match it too. " +
            "The original is looked up among the supplier's own invoices (6), or under 6.1 only when the registry lets the supplier act " +
            "for it (a successor of the reorganized person, or the delegate of the liquidated branch): another taxpayer's invoice is «not found»." + PaperOnlyNote),
        Reg("COR-01", "RELATED_INVOICE_NOT_FOUND", "ЭСФ, исправляемый данным ЭСФ (4.1, 4.2), не найден среди зарегистрированных ЭСФ поставщика",
            "The invoice being corrected (4.1, 4.2) is not a registered invoice of the supplier", "spec-invoice §5.14, L2231–2233",
            ["relatedInvoice.registrationNumber", "relatedInvoice.num", "relatedInvoice.date"],
            c => When(c.Document.Body.IsFixed() && Unresolved(c) && !RefersToPaperOnly(c.Document.Body), "relatedInvoice"),
            "Resolved as for ADD-01." + PaperOnlyNote),
        Reg("ADD-02", "WRONG_PARENT_STATUS", "Дополнительный ЭСФ выписывается только к основному или исправленному ЭСФ в статусе «Не просмотрен» или «Доставлен»",
            "An additional invoice refers to a main or corrected invoice that is CREATED or DELIVERED", "spec-invoice §5.13, L2096–2101, L2316–2322",
            ["relatedInvoice"],
            c => When(c.Document.Body.IsAdditional() && Original(c) is { } o
                && (o.InvoiceType == "ADDITIONAL_INVOICE" || !ActiveStatuses.Contains(o.Status)), "relatedInvoice"),
            "Annulled, revoked, declined or failed originals cannot be supplemented; an additional invoice cannot be the base of another."),
        Reg("COR-10", "WRONG_FIXED_PARENT_STATUS", "Исправленный ЭСФ выписывается только к ЭСФ в статусе «Не просмотрен» или «Доставлен»",
            "A corrected invoice refers to an invoice that is CREATED or DELIVERED", "spec-invoice §5.14, L2240–2242; our id (the manual names no statuses)",
            ["relatedInvoice"],
            c => When(c.Document.Body.IsFixed() && Original(c) is { } o && !ActiveStatuses.Contains(o.Status), "relatedInvoice"),
            "An annulled original (already corrected) cannot be corrected again: the second corrected invoice fails here, also within one batch " +
            "and when two workers or a revocation race for the original (the worker locks it in its verdict transaction)."),
        Reg("COR-02", "MAIN_AND_FIXED_INVOICES_CUSTOMERS_NOT_EQUALS", "Получатель исправленного ЭСФ должен совпадать с получателем исправляемого ЭСФ",
            "The customer of a corrected invoice must be that of the original", "spec-invoice §5.14, L2179–2180, L2461–2465",
            ["customers.customer[0].tin"],
            c => c.Document.Body.IsFixed() && Original(c) is { } o
                ? When((o.CustomerTin ?? "") != (c.Document.Body.Customers.FirstOrDefault()?.Tin ?? ""), "customers.customer[0].tin")
                : []),
        Reg("ADD-03", "MAIN_AND_ADDITIONAL_INVOICES_NOT_EQUALS",
            "В дополнительном ЭСФ могут отличаться от основного только поля 9.1, 9.2, B1, D, F, G2, G4, G6–G18 и раздел H",
            "An additional invoice may differ from its original only in 9.1, 9.2, B1, D, F, G2, G4, G6–G18 and section H",
            "spec-invoice §5.13, L2118–2135",
            ["sellers.seller[].tin", "customers.customer[].tin", "customers.customer[].countryCode", "productSet.currencyCode",
             "deliveryTerm.contractNum", "deliveryTerm.contractDate"],
            c => c.Document.Body.IsAdditional() && Original(c) is { Body: { } o } ? Differences(c.Document.Body, o, Originals.SellerOf(c.Document.Body, c.Registry)) : [],
            "Compared: the parties' ИИН/БИН (6, 16; for a successor or delegate, 6.1 stands for 6), the customer's country (18.1), " +
            "the currency (33.1) and the contract (27.3, 27.4). " +
            "Names and addresses are derived fields and may have changed in the registry since; G3/G5 may be refined on a return."),
        Reg("ADD-09", "MAIN_AND_ADDITIONAL_INVOICES_SUM_NEGATIVE", "Итоговая стоимость (G14) основного ЭСФ с учетом дополнительного не может быть отрицательной",
            "The original's total (G14) plus the additional invoice's total cannot be negative", "Rules item 31 (L5851)",
            ["productSet.totalPriceWithTax"],
            c => When(c.Document.Body.IsAdditional() && Original(c) is { TotalPriceWithTax: { } total } o
                && total + o.EarlierAdditionalsTotal + (c.Document.Body.ProductSet.TotalPriceWithTax ?? 0m) < 0m, "productSet.totalPriceWithTax"),
            "Spec-rest reads L5851 as «the difference of the G14 totals must not be negative»: an additional invoice may raise or lower the " +
            "total, but not below zero. The additional invoices already registered (CREATED or DELIVERED) against the same original are " +
            "added up, and so are those registered earlier in the same worker batch or by a concurrent worker (the original is locked " +
            "while its additional invoices are summed); revoked or declined ones no longer count. " +
            "Additional invoices registered before migration 0013 carry no stored link and are not counted."),
        Reg("REO-01", "INVALID_SELLER_REORGANIZATION_TIN", "Поставщик (6) не является правопреемником реорганизованного лица, указанного в поле 6.1",
            "The supplier (6) is not the successor of the reorganized person in field 6.1", "spec-invoice §5.15, L2260–2285",
            ["sellers.seller[].reorganizedTin", "sellers.seller[].tin"],
            c => Broken(c.Document.Body.Sellers, s => Originals.PredecessorOf(s) is { } r && !c.Registry.IsLiquidatedBranch(r) && !c.Registry.IsSuccessor(r, s.Tin ?? ""),
                static i => Paths.Seller(i, "reorganizedTin")),
            "Any 6.1 that is neither a reorganized person the supplier succeeded nor a liquidated branch (LIQ-03) fails here, also " +
            "when the registry knows nothing of it: an invoice may act for another taxpayer only where the registry says so (B-04; " +
            "security review C1). With an empty successors registry every 6.1 of a non-branch fails."),
        Reg("REO-02", "ADDITIONAL_INVOICE_FROM_REORGANIZED_MAY_BE_ONLY_FOR_RETURN", ReturnsOnly, "An additional invoice for a reorganized person may only return goods",
            "spec-invoice §5.15, L2296, L2343–2346 (REO-05; reason verbatim)", ["productSet.totalPriceWithTax", "sellers.seller[].reorganizedTin", "customers.customer[].reorganizedTin"],
            c => When(c.Document.Body.IsAdditional() && ReorganizedParties(c.Document.Body).Any(p => IsReorganization(c, p.Tin))
                && c.Document.Body.ProductSet.TotalPriceWithTax > 0m, "productSet.totalPriceWithTax"),
            "REO-05 (reorganized recipient) is the same check and reason, reported as REO-02. Liquidated branches are exempt (LIQ-04)."),
        Reg("REO-03", "FIXED_NOT_ALLOWED_FOR_REORGANIZATION", NoReorganizedInCorrected, "A reorganized person cannot be a party to a corrected invoice",
            "spec-invoice §5.15, L2298–2300, L2348–2350 (REO-06; reason verbatim)", ["sellers.seller[].reorganizedTin", "customers.customer[].reorganizedTin"],
            c => c.Document.Body.IsFixed() ? ReorganizedParties(c.Document.Body).Where(p => IsReorganization(c, p.Tin)).Select(p => p.Path) : [],
            "REO-06 (reorganized recipient) is the same check and reason, reported as REO-03."),
        Reg("REO-04", "INVALID_CUSTOMER_REORGANIZATION_TIN", "Получатель (16) не является правопреемником реорганизованного лица, указанного в поле 16.1",
            "The customer (16) is not the successor of the reorganized recipient in field 16.1", "spec-invoice §5.15, L2305–2341",
            ["customers.customer[].reorganizedTin", "customers.customer[].tin"],
            c => Broken(c.Document.Body.Customers, x => x.ReorganizedTin is { Length: > 0 } r && IsReorganization(c, r) && !c.Registry.IsSuccessor(r, x.Tin ?? ""),
                static i => Paths.Customer(i, "reorganizedTin"))),
        Reg("LIQ-03", "WRONG_DATE", "Нет действующего на дату выписки полномочия на выписку ЭСФ за ликвидированный филиал (6.1)",
            "No delegation to issue for the liquidated branch (6.1) is in force on the issue date", "spec-invoice §5.15, L2382–2387, L2424–2428, L2461–2465",
            ["sellers.seller[].reorganizedTin", "sellers.seller[].tin", "date"],
            c => Broken(c.Document.Body.Sellers, s => Originals.PredecessorOf(s) is { } r && c.Registry.IsLiquidatedBranch(r)
                    && (BodyFacts.ParseDate(c.Document.Body.Date) is not { } date || !c.Registry.HasDelegation(r, s.Tin ?? "", date)), static i => Paths.Seller(i, "reorganizedTin"))),
        Reg("LIQ-06", "RELATED_INVOICE_NOT_FOUND_TIN_FIELD_DIFFERS", "Основной ЭСФ должен быть выписан ликвидированным филиалом, указанным в поле 6.1",
            "The original must have been issued by the liquidated branch in field 6.1", "spec-invoice §5.15, L2416–2418, L2453–2455",
            ["relatedInvoice", "sellers.seller[0].reorganizedTin"],
            c => When(c.Document.Body.Sellers.FirstOrDefault() is { } s && Originals.PredecessorOf(s) is { } r && c.Registry.IsLiquidatedBranch(r)
                && Originals.SellerOf(c.Document.Body, c.Registry) == r && Unresolved(c)
                && c.Registry.Original(c.Document.Body.RelatedInvoice!, s.Tin) is not null, "relatedInvoice"),
            "Reported when the link names an invoice of the delegate itself (6) instead of the branch's: the lookup only ever sees " +
            "invoices of the original's supplier, so another taxpayer's invoice answers «not found» (COR-01/ADD-01), never this."),
    ];
}
