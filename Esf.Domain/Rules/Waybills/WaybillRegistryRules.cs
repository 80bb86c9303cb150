using Esf.Domain.Rules.Document;
using Esf.Domain.Waybills;
using static Esf.Domain.Rules.Document.Define;
using static Esf.Domain.Rules.Waybills.WaybillDefine;

namespace Esf.Domain.Rules.Waybills;

/// <summary>
/// The waybill's registration rules (the worker, with the signature, the taxpayer registry and the registered waybills): who
/// signed it, that its parties exist, that its number is free, and that a corrected or return waybill names a waybill it may
/// correct or return. A view that holds no waybills (<see cref="IRegistryView.Waybills"/> null) cannot decide the links: they pass.
/// </summary>
public static class WaybillRegistryRules
{
    /// <summary>The statuses a primary may be corrected from: not yet answered, or declined (seed L5831).</summary>
    public static readonly WaybillStatus[] Correctable = [WaybillStatus.NotViewed, WaybillStatus.Delivered, WaybillStatus.Declined];

    /// <summary>The statuses a waybill's goods may be returned from: received (confirmed).</summary>
    public static readonly WaybillStatus[] Returnable = [WaybillStatus.Confirmed, WaybillStatus.ConfirmedByOgd];

    /// <summary>The registered waybill the body's relatedSnt names, by number and date; null when there is none or it cannot be looked up.</summary>
    public static RegisteredWaybill? Related(WaybillRegistrationContext c) =>
        c.Document.Body.RelatedWaybill is { RegistrationNumber: { } number } link && c.Registry.Waybills?.Find(number) is { } found
            && found.Document.Date == BodyFacts.ParseDate(link.Date)
            ? found : null;

    private static bool Unknown(WaybillRegistrationContext c, string? tin) => !tin.IsBlank() && !c.Registry.TaxpayerExists(tin!);

    private static IEnumerable<string> Linked(WaybillRegistrationContext c, WaybillType type, Func<RegisteredWaybill, bool> broken) =>
        When(c.Document.Type == type && Related(c) is { } related && broken(related), "relatedSnt");

    private static bool PartiesDiffer(WaybillDocument d, WaybillDocument related) => d.Type == WaybillType.Return
        ? (d.SellerTin, d.CustomerTin) != (related.CustomerTin, related.SellerTin)
        : (d.SellerTin, d.CustomerTin) != (related.SellerTin, related.CustomerTin);

    private static IEnumerable<string> ReturnLinesBeyond(WaybillDocument d, WaybillDocument related)
    {
        var source = related.Body.ProductSet.Products.ToDictionary(p => p.Key);
        return d.Body.ProductSet.Products.Select((p, i) => (p, i))
            .Where(x => !source.TryGetValue(x.p.Key, out var s) || s.TnvedCode != x.p.TnvedCode || x.p.Quantity > s.Quantity)
            .Select(x => Product(x.i, "position"));
    }

    public static IReadOnlyList<Rule<WaybillRegistrationContext>> All { get; } =
    [
        AtRegistration("SNT-W01", "SIGNATURE_VERIFICATION_FAILED", "ЭЦП СНТ не прошла проверку: подпись не соответствует документу или сертификату",
            "The waybill signature does not verify against the body and the certificate", "issue 12 item 2 (signed like invoices); GEN-01",
            ["signature"], c => When(!c.Signature.IsValid, "signature")),
        AtRegistration("SNT-W02", "SNT_SENDER_NOT_VALID", "Сертификат ЭЦП выдан не поставщику, указанному в поле 13 «ИИН/БИН» СНТ",
            "The signing certificate was not issued to the seller of field 13", "seed L100–103 (the supplier issues and revokes); B-02",
            ["x509Certificate", "seller.tin"],
            c => When(c.Signature.IsValid && c.Document.SellerTin is { } seller && !c.Signature.Represents(seller), "x509Certificate")),
        AtRegistration("SNT-W03", "SNT_SELLER_TIN_ABSENT_IN_DICTIONARY", "ИИН/БИН поставщика (13) отсутствует в базе данных налогоплательщиков",
            "The seller's IIN/BIN (13) is not in the taxpayer registry", "spec-snt §3 (SNT 13); B-01", ["seller.tin"],
            c => When(Unknown(c, c.Document.SellerTin), "seller.tin")),
        AtRegistration("SNT-W04", "SNT_CUSTOMER_TIN_ABSENT_IN_DICTIONARY", "ИИН/БИН получателя (22) отсутствует в базе данных налогоплательщиков",
            "The buyer's IIN/BIN (22) is not in the taxpayer registry", "spec-snt §3 (SNT 22, 22.1); C-02", ["customer.tin"],
            c => When(c.Document.Body.Customer.NonResident != true && Unknown(c, c.Document.CustomerTin), "customer.tin"),
            "A non-resident buyer (22.1) is exempt, as for C-02."),
        AtRegistration("SNT-W05", "SNT_CONSIGNOR_TIN_ABSENT_IN_DICTIONARY", "ИИН/БИН грузоотправителя (31) отсутствует в базе данных налогоплательщиков",
            "The consignor's IIN/BIN (31) is not in the taxpayer registry", "spec-snt §3 (SNT 31)", ["consignor.tin"],
            c => When(c.Document.Movement is not (WaybillMovement.Import or WaybillMovement.TemporaryImport)
                && Unknown(c, c.Document.Body.Consignor.Tin), "consignor.tin"),
            "Goods brought into Kazakhstan are shipped by a consignor abroad, who is not in the registry."),
        AtRegistration("SNT-W06", "SNT_CONSIGNEE_TIN_ABSENT_IN_DICTIONARY", "ИИН/БИН грузополучателя (34) отсутствует в базе данных налогоплательщиков",
            "The consignee's IIN/BIN (34) is not in the taxpayer registry", "spec-snt §3 (SNT 34, 36)", ["consignee.tin"],
            c => When(c.Document.Body.Consignee.CountryCode is null or BodyFacts.Kz && Unknown(c, c.Document.Body.Consignee.Tin), "consignee.tin"),
            "A consignee abroad (36 not KZ) is not in the registry."),
        AtRegistration("SNT-W07", "SNT_TRANSPORTER_TIN_ABSENT_IN_DICTIONARY", "ИИН/БИН перевозчика отсутствует в базе данных налогоплательщиков",
            "The transporter's IIN/BIN is not in the taxpayer registry", "issue 12 item 1 (transport data); our field", ["shipping.transporterTin"],
            c => When(Unknown(c, c.Document.Body.Shipping.TransporterTin), "shipping.transporterTin")),
        AtRegistration("SNT-W08", "NOT_UNIQUE_NUMBER_AND_DATE", "СНТ с таким номером и датой уже существует у поставщика, укажите другой номер",
            "A waybill of this seller with this number and date already exists", "A-02 (invoices) applied to the waybill's own number",
            ["num", "date"],
            c => When(c.Document.SellerTin is { } seller && c.Document.Date is { } date && c.Document.Body.Num is { } num
                && c.Registry.Waybills?.IsNumberTaken(seller, num, date) == true, "num")),
        AtRegistration("SNT-W09", "SNT_PRIMARY_SNT_NOT_FOUND", "СНТ, на которую ссылается исправленная СНТ или СНТ на возврат, не найдена среди зарегистрированных СНТ",
            "The waybill a corrected or return waybill names is not a registered waybill (number and date)", "spec-snt §2.2, §2.3",
            ["relatedSnt.registrationNumber", "relatedSnt.date"],
            c => When(c.Document.Body.RelatedWaybill is not null && c.Registry.Waybills is not null && Related(c) is null, "relatedSnt"),
            "Resolved by the 42-digit number; the date must be the one registered."),
        AtRegistration("SNT-W10", "SNT_FIXED_SNT_CAN_BE_RELATED_ONLY_TO_PRIMARY", "Исправленная СНТ выписывается только к первичной СНТ",
            "A corrected waybill corrects a primary waybill", "spec-snt §1.3, §2.2", ["relatedSnt"],
            c => Linked(c, WaybillType.Corrected, r => r.Document.Type != WaybillType.Primary),
            "A corrected waybill replaces its primary, which becomes CANCELED; correcting again means correcting the primary again."),
        AtRegistration("SNT-W11", "SNT_RETURNED_SNT_CANNOT_BE_RELATED_TO_RETURNED", "СНТ на возврат не может ссылаться на СНТ на возврат",
            "A return waybill does not return a return waybill", "spec-snt §1.3, §2.3", ["relatedSnt"],
            c => Linked(c, WaybillType.Return, r => r.Document.Type == WaybillType.Return)),
        AtRegistration("SNT-W12", "PARENT_LOCKED_BY_SENDING_TO_ISGO", "СНТ заблокирована ИС ЭСФ (отправлена в ИС ГО): выписка исправленной СНТ и СНТ на возврат невозможна",
            "The waybill named is blocked for ИС ГО: it cannot be corrected or returned", "seed L5363–5365, L5388–5390 (R163)", ["relatedSnt"],
            c => When(c.Document.Type is WaybillType.Corrected or WaybillType.Return && Related(c) is { Status: WaybillStatus.SendToIsgo },
                "relatedSnt")),
        AtRegistration("SNT-W13", "SNT_WRONG_STATUS",
            "Исправленная СНТ выписывается к СНТ в статусе «Не просмотрен», «Доставлен» или «Отклонен», СНТ на возврат — к СНТ «Подтвержден»",
            "A corrected waybill corrects a waybill not yet answered or declined; a return returns a confirmed one", "seed L5831, L3626–3628",
            ["relatedSnt"],
            c => Linked(c, WaybillType.Corrected, r => r.Status != WaybillStatus.SendToIsgo && !Correctable.Contains(r.Status))
                .Concat(Linked(c, WaybillType.Return, r => r.Status != WaybillStatus.SendToIsgo && !Returnable.Contains(r.Status))),
            "The seeds give no statuses: a waybill is corrected before the buyer accepts it or after the buyer declined it (the corrected " +
            "invoice follows a declined waybill, L5831); goods are returned once received. A blocked waybill is SNT-W12's."),
        AtRegistration("SNT-W14", "MAIN_AND_ADDITIONAL_SNT_NOT_EQUALS",
            "Поставщик и получатель исправленной СНТ совпадают с первичной; в СНТ на возврат они меняются местами",
            "A corrected waybill has its primary's seller and buyer; a return waybill has them swapped", "spec-snt §2.3, §5 (role swap)",
            ["seller.tin", "customer.tin"],
            c => When(c.Document.Type is WaybillType.Corrected or WaybillType.Return && Related(c) is { } r && PartiesDiffer(c.Document, r.Document),
                "seller.tin")),
        AtRegistration("SNT-W15", "SNT_SHIPPING_DATE_BEFORE_PRIMARY", "Дата отгрузки исправленной СНТ (3) не может быть ранее даты отгрузки первичной СНТ",
            "The shipping date (3) of a corrected waybill is not before its primary's", "spec-snt §3 (SNT 3)", ["shippingDate"],
            c => When(c.Document.Type == WaybillType.Corrected && Related(c) is { } r
                && BodyFacts.ParseDate(c.Document.Body.ShippingDate) < BodyFacts.ParseDate(r.Document.Body.ShippingDate), "shippingDate"),
            "Read from the real error code's name: a correction does not move the shipment earlier than the one it corrects."),
        AtRegistration("SNT-W16", "NOT_MATCH_SOURCE_PRODUCT",
            "Товар СНТ на возврат должен быть товаром возвращаемой СНТ (тот же раздел, позиция и код ТН ВЭД) в количестве не более отгруженного",
            "A returned line is a line of the waybill returned (section, position, ТН ВЭД) with no more than its quantity", "spec-snt §2.3, Rules ¶73-1",
            ["productSet.products.product[].section", "productSet.products.product[].position", "productSet.products.product[].quantity"],
            c => c.Document.Type == WaybillType.Return && Related(c) is { } r ? ReturnLinesBeyond(c.Document, r.Document) : []),
    ];
}
