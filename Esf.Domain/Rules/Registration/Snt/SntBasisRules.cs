using Esf.Domain.Invoices.Document;
using Esf.Domain.Rules.Document;
using Esf.Domain.Waybills;
using static Esf.Domain.Rules.Document.Define;
using static Esf.Domain.Rules.Registration.Snt.SntDefine;

namespace Esf.Domain.Rules.Registration.Snt;

/// <summary>
/// spec-snt §9.1 and the context rules: which invoice may be issued on which waybill, in which status, how many, and how its
/// lines relate to the waybill's (section F and G1).
/// </summary>
public static class SntBasisRules
{
    /// <summary>The waybill statuses a main or corrected invoice may be issued on (R002, R006; seed L2551–2552, L3569–3571).</summary>
    public static readonly WaybillStatus[] MainBasis = [WaybillStatus.NotViewed, WaybillStatus.Delivered, WaybillStatus.Confirmed, WaybillStatus.ConfirmedByOgd];

    /// <summary>The return waybill statuses an additional invoice may be issued on (R010; «Подтвержден инспектором ОГД» is not listed).</summary>
    public static readonly WaybillStatus[] ReturnBasis = [WaybillStatus.NotViewed, WaybillStatus.Delivered, WaybillStatus.Confirmed];

    private static readonly string[] Link = ["deliveryDocNum", "invoiceType"];

    private static bool Is(SntBasis b, string invoiceType, WaybillType waybillType) => b.Invoice.InvoiceType == invoiceType && b.Snt.Type == waybillType;

    /// <summary>The status is outside <paramref name="allowed"/>; a blocked waybill is R163's.</summary>
    private static bool StatusRefused(SntBasis b, WaybillStatus[] allowed) =>
        b.Waybill.Status != WaybillStatus.SendToIsgo && !allowed.Contains(b.Waybill.Status);

    /// <summary>No invoice issued on <paramref name="waybill"/> is the one the invoice's reference names.</summary>
    private static bool NamesNoInvoiceOf(SntBasis b, RegisteredWaybill waybill) => !waybill.Invoices.Any(i => i.IsNamedBy(b.Invoice.RelatedInvoice));

    private static IEnumerable<string> LinesNotFromTheWaybill(SntBasis b) => b.Invoice.Lines()
        .Where(x => x.Product.ProductNumberInSnt.IsBlank() && (b.IsReturn || x.Product.TruOriginCode != "6"))
        .Select(x => Paths.Product(x.Index, "productNumberInSnt"));

    private static IEnumerable<string> WaybillLinesNotOnceInTheInvoice(SntBasis b)
    {
        var keys = b.Invoice.Lines().Where(x => !x.Product.ProductNumberInSnt.IsBlank())
            .GroupBy(x => x.Product.ProductNumberInSnt!.Trim()).ToDictionary(g => g.Key, g => g.ToList());
        return When(b.WaybillLineKeys.Any(k => !keys.ContainsKey(k)), "productSet.products")
            .Concat(keys.Values.SelectMany(lines => lines.Skip(1)).Select(x => Paths.Product(x.Index, "productNumberInSnt")));
    }

    public static IReadOnlyList<IRegistrationRule> All { get; } =
    [
        Reg("SNT-R055", "SNT_NOT_FOUND", "СНТ с регистрационным номером, указанным в поле 32.1, не найдена среди зарегистрированных СНТ",
            "The waybill whose number field 32.1 holds is not a registered waybill", "spec-snt R055, R125; seed L3124–3132, L4219–4227",
            ["deliveryDocNum"],
            c => When(SntBasis.NumberOf(c.Document.Body) is { } number && c.Registry.Waybills is { } waybills && waybills.Find(number) is null,
                "deliveryDocNum"),
            "A 42-digit number in 32.1 (the shape of a waybill number, Rules ¶70) marks the invoice as issued on a waybill; InvoiceV2 has no " +
            "element for field 32 «Сопроводительная накладная на товары» (R054). Every other SNT-R rule needs the waybill and passes without it. " +
            OursMessage),
        Both("R056", "INVOICE_DELIVERY_DOC_DATE_NOT_EQUALS_WITH_SNT_DATE", "Дата в поле 32.2 должна совпадать с датой выписки СНТ (поле 2 СНТ)",
            "Field 32.2 must be the waybill's date (SNT 2)", "spec-snt R056, R126, R164; seed L3134–3142, L4229–4237, L6109–6115",
            ["deliveryDocDate"],
            b => When(BodyFacts.ParseDate(b.Invoice.DeliveryDocDate) is not { } date || date != b.Snt.Date, "deliveryDocDate")),
        Both("R001", "ORDINARY_INVOICE_CANNOT_CREATE_FROM_RETURNED_SNT", "Основной ЭСФ выписывается только на основании первичной или исправленной СНТ",
            "A main invoice is issued on a primary or corrected waybill", "spec-snt R001; seed L2550–2551", Link,
            b => When(Is(b, "ORDINARY_INVOICE", WaybillType.Return), "invoiceType")),
        Table28("R002", "SNT_BASED_INVOICE_SNT_STATUS_NOT_ALLOWED",
            "Основной ЭСФ выписывается на основании СНТ в статусе «Не просмотрен», «Доставлен», «Подтвержден» или «Подтвержден инспектором ОГД»",
            "A main invoice is issued on a waybill that is not viewed, delivered, confirmed or confirmed by an ОГД inspector",
            "spec-snt R002, R003; seed L2539–2553", ["deliveryDocNum"],
            b => When(b.Invoice.InvoiceType == "ORDINARY_INVOICE" && StatusRefused(b, MainBasis), "deliveryDocNum"),
            "These four are the «действующий статус» of the ESF-journal lookup (R003, spec-snt §10.3)."),
        Both("R004", "INVOICE_ALREADY_LINKED_WITH_SNT", "На основании одной СНТ возможно создать один действующий ЭСФ: на эту СНТ уже выписан ЭСФ",
            "One waybill is the basis of one invoice in force: an invoice was already issued on it",
            "spec-snt R004, R161; seed L2553–2554, L3571–3572, L3633–3634, L4730–4731", ["deliveryDocNum"],
            b => When(LinkedInvoice.AnotherInForce(b.Waybill.Invoices, b.Invoice),
                "deliveryDocNum"),
            "Only invoices in force count (CREATED, DELIVERED, blocked): an annulled, revoked or declined one frees the waybill, as the " +
            "wording «несколько действующих ЭСФ» says (spec-snt §10.5). A corrected invoice does not count the invoice it corrects, which " +
            "its registration annuls. Invoices registered earlier in the same batch count (IWaybillView)."),
        Both("R005", "FIXED_INVOICE_CANNOT_CREATE_FROM_PRIMARY_OR_RETURNED_SNT", "Исправленный ЭСФ выписывается только на основании исправленной СНТ",
            "A corrected invoice is issued on a corrected waybill", "spec-snt R005, R008; seed L3563–3571, L3582–3584", Link,
            b => When(b.Invoice.InvoiceType == "FIXED_INVOICE" && b.Snt.Type != WaybillType.Corrected, "invoiceType")),
        Table28("R006", "SNT_BASED_INVOICE_SNT_STATUS_NOT_ALLOWED",
            "Исправленный ЭСФ выписывается на основании СНТ в статусе «Не просмотрен», «Доставлен», «Подтвержден» или «Подтвержден инспектором ОГД»",
            "A corrected invoice is issued on a waybill that is not viewed, delivered, confirmed or confirmed by an ОГД inspector",
            "spec-snt R006; seed L3568–3571", ["deliveryDocNum"],
            b => When(b.Invoice.InvoiceType == "FIXED_INVOICE" && StatusRefused(b, MainBasis), "deliveryDocNum")),
        Table28("R007A", "ORDINARY_INVOICE_ON_FIXED_SNT_ERROR",
            "На первичную СНТ уже выписан ЭСФ: на основании исправленной СНТ выписывается исправленный ЭСФ, а не основной",
            "An invoice was issued on the primary: a corrected waybill needs a corrected invoice, not a main one", "spec-snt R007; seed L3563–3566",
            Link,
            b => When(Is(b, "ORDINARY_INVOICE", WaybillType.Corrected) && b.Find(b.Snt.Body.RelatedWaybill?.RegistrationNumber) is { } primary
                && primary.ActiveInvoices.Any(), "invoiceType"),
            "Once the primary's invoice is annulled (its waybill declined, 3 working days later) a main invoice on the corrected waybill is allowed."),
        Table28("R007B", "FIXED_INVOICE_ON_FIXED_SNT_ERROR",
            "Исправленный ЭСФ на основании исправленной СНТ исправляет ЭСФ, выписанный на основании первичной СНТ (поля 4.1, 4.2)",
            "A corrected invoice on a corrected waybill corrects the invoice issued on its primary (4.1, 4.2)", "spec-snt R007, R008; seed L3563–3566",
            ["relatedInvoice"],
            b => When(Is(b, "FIXED_INVOICE", WaybillType.Corrected) && b.Find(b.Snt.Body.RelatedWaybill?.RegistrationNumber) is { } primary
                && NamesNoInvoiceOf(b, primary), "relatedInvoice"),
            "The seed does not say how the corrected invoice names the one it corrects (spec-snt §10.6): by the usual reference of a " +
            "corrected invoice (4.1, 4.2), which must be an invoice issued on the corrected waybill's primary."),
        Both("R009", "ADDITIONAL_INVOICE_CANNOT_CREATE_FROM_PRIMARY_OR_FIXED_SNT",
            "Дополнительный ЭСФ выписывается на основании СНТ на возврат", "An additional invoice is issued on a return waybill",
            "spec-snt R009, R012; seed L3626–3631", Link,
            b => When(b.Invoice.InvoiceType == "ADDITIONAL_INVOICE" && b.Snt.Type != WaybillType.Return, "invoiceType")),
        Table29("R010", "INVOICE_RELATED_SNT_HAS_INVALID_STATUS",
            "Дополнительный ЭСФ выписывается на основании СНТ на возврат в статусе «Не просмотрен», «Доставлен» или «Подтвержден»",
            "An additional invoice is issued on a return waybill that is not viewed, delivered or confirmed", "spec-snt R010; seed L3630–3632",
            ["deliveryDocNum"], b => When(b.Invoice.InvoiceType == "ADDITIONAL_INVOICE" && StatusRefused(b, ReturnBasis), "deliveryDocNum")),
        Table29("R012", "MAIN_FOR_ADDITIONAL_INVOICES_NOT_FOUND",
            "Дополнительный ЭСФ на возврат ссылается (5.1–5.3) на ЭСФ, выписанный на основании возвращаемой СНТ",
            "An additional invoice for a return refers (5.1–5.3) to the invoice issued on the waybill returned", "spec-snt R012; seed L3644–3646",
            ["relatedInvoice"],
            b => When(Is(b, "ADDITIONAL_INVOICE", WaybillType.Return) && b.Find(b.Snt.Body.RelatedWaybill?.RegistrationNumber) is { } returned
                && NamesNoInvoiceOf(b, returned), "relatedInvoice"),
            "Section F refers to the return waybill (R055); the seed does not say how the additional invoice names the invoice it adjusts " +
            "(spec-snt §10.7): by the usual reference 5.1–5.3, to an invoice issued on the waybill the return returns."),
        Both("R013", "NOT_MATCH_SOURCE_PRODUCT",
            "Строка раздела G не из СНТ (без номера «раздел/позиция» в G1) допускается только для работ и услуг с признаком происхождения «6»",
            "A line of section G not taken from the waybill (no «section/position» in G1) is allowed only for works and services (origin 6)",
            "spec-snt R013; seed L2561–2563, L3591–3593", ["productSet.products.product[].productNumberInSnt", "productSet.products.product[].truOriginCode"],
            LinesNotFromTheWaybill,
            "The seed allows the added lines for main and corrected invoices only; an additional invoice for a return adds none (spec-snt §10.7)."),
        Both("R060", "INVOICE_AND_RELATED_SNT_NOT_EQUALS", "Поле G1 должно содержать номер раздела и позиции товара СНТ через «/», например 2/1",
            "Field G1 names a line of the waybill as «section/position», e.g. 2/1", "spec-snt R060, R129; seed L3178–3191, L4262–4275",
            ["productSet.products.product[].productNumberInSnt"],
            b => b.Invoice.Lines().Where(x => !x.Product.ProductNumberInSnt.IsBlank() && !b.WaybillLineKeys.Contains(x.Product.ProductNumberInSnt!.Trim()))
                .Select(x => Paths.Product(x.Index, "productNumberInSnt")),
            "G1 is productNumberInSnt («Номер строки в СНТ»); the row number of an added line is its position."),
        Both("R166", "INVOICE_AND_RELATED_SNT_NOT_EQUALS", "Товары СНТ отражаются в разделе G ЭСФ полностью, каждая позиция СНТ — одной строкой",
            "Every goods line of the waybill appears once in section G", "spec-snt R166; Rules ¶73-1, ¶75-1 (seed L6257, L6273)",
            ["productSet.products.product[].productNumberInSnt"], WaybillLinesNotOnceInTheInvoice,
            "Goods are identical in the waybill and the invoice except the cost indicators: each line's read-only fields are checked by " +
            "R061–R078; goods whose characteristics changed are a corrected waybill's matter. Section H is not in the СНТ as cited (§10.21)."),
        Table28("R155", "WRONG_DATE", "Исправленный ЭСФ на основе СНТ выписывается не позднее 3 рабочих дней после даты отклонения СНТ",
            "After a waybill is declined, the corrected invoice on its corrected waybill is issued within 3 working days of the decline",
            "spec-snt R155; seed L5831", ["date"],
            b => When(Is(b, "FIXED_INVOICE", WaybillType.Corrected) && b.Find(b.Snt.Body.RelatedWaybill?.RegistrationNumber) is { DeclinedOn: { } declined }
                && b.Context.Registry.WorkingDays is { } calendar && BodyFacts.ParseDate(b.Invoice.Date) is { } date
                && date > WaybillEffects.CorrectionDeadline(declined, calendar), "date"),
            "Counted on the working-day calendar from the day after the decline; without an imported calendar the rule passes."),
        Both("R158", "SNT_BASED_INVOICE_IMPORT_TYPE_NOT_ALLOWED", "ЭСФ не выписывается на основании СНТ на импорт или СНТ на временный ввоз",
            "No invoice is issued on an import or temporary-import waybill", "spec-snt R158; seed L4737–4739; issue 12 item 4", ["deliveryDocNum"],
            b => When(b.Snt.Movement is WaybillMovement.Import or WaybillMovement.TemporaryImport, "deliveryDocNum"),
            "The seed forbids import, temporary-import and export waybills for an invoice on an ЭГЗ act and a waybill; the gateway forbids " +
            "import and temporary import for every invoice. Export stays allowed: the seed requires invoices for exports to the EAEU to be " +
            "issued on a waybill (L2479–2498) and maps «8.1 Экспорт» to the exporter category (R029)."),
        Both("R163", "LOCKED_BY_SENDING_TO_ISGO", "СНТ заблокирована ИС ЭСФ (отправлена в ИС ГО): выписка ЭСФ на её основании невозможна",
            "The waybill is blocked for ИС ГО: no invoice can be issued on it", "spec-snt R163; seed L5363–5365, L5388–5390", ["deliveryDocNum"],
            b => When(b.Waybill.Status == WaybillStatus.SendToIsgo, "deliveryDocNum")),
    ];
}
