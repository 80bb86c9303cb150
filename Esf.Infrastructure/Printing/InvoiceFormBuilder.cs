using System.Globalization;
using Esf.Domain.Invoices;
using Esf.Domain.Invoices.Document;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Xml;

namespace Esf.Infrastructure.Printing;

/// <summary>
/// Fills the printed form (Appendix 2, spec-rest §4) from a stored invoice: every section A–L with the printed field codes
/// and names; B and B1 once per seller, C once per customer, H once per joint-activity participant; L from the signing
/// certificate. Values are printed as signed (dates dd.MM.yyyy, amounts with the scale they were written with).
/// </summary>
public static class InvoiceFormBuilder
{
    public const string Title = "ЭЛЕКТРОННЫЙ СЧЕТ-ФАКТУРА";

    private const string Mark = "X";

    /// <summary>The abbreviation key printed at the end of the form.</summary>
    private static readonly string[] Abbreviations =
    [
        "Примечание: расшифровка аббревиатур:",
        "ТН ВЭД ЕАЭС – товарная номенклатура внешнеэкономической деятельности Евразийского экономического союза;",
        "ИИН/БИН – индивидуальный идентификационный номер/бизнес-идентификационный номер; КБе – код бенефициара;",
        "Решения КТС – решение Комиссии Таможенного союза; НДС – налог на добавленную стоимость;",
        "СРП – Соглашение о разделе продукции или контракта на недропользование, утвержденного Президентом Республики Казахстан;",
        "п/п – по порядку; Ф.И.О. – фамилия, имя, отчество (при его наличии); ЭЦП – электронная цифровая подпись.",
    ];

    /// <summary>Seller categories (B 10) with the cell letters printed on the form.</summary>
    private static readonly Dictionary<string, string> SellerCategories = new(StringComparer.Ordinal)
    {
        ["COMMITTENT"] = "A комитент", ["BROKER"] = "B комиссионер", ["FORWARDER"] = "C экспедитор", ["LESSOR"] = "D лизингодатель",
        ["SHARING_AGREEMENT_PARTICIPANT"] = "E участник СРП", ["JOINT_ACTIVITY_PARTICIPANT"] = "F участник договора о совместной деятельности",
        ["EXPORTER"] = "G экспортер", ["TRANSPORTER"] = "H международный перевозчик", ["PRINCIPAL"] = "I доверитель",
    };

    /// <summary>Customer categories (C 20) with the cell letters printed on the form («Физические лицо» sic).</summary>
    private static readonly Dictionary<string, string> CustomerCategories = new(StringComparer.Ordinal)
    {
        ["COMMITTENT"] = "A комитент", ["BROKER"] = "B комиссионер", ["LESSEE"] = "C лизингополучатель",
        ["JOINT_ACTIVITY_PARTICIPANT"] = "D участник договора о совместной деятельности", ["PUBLIC_OFFICE"] = "E государственное учреждение",
        ["NONRESIDENT"] = "F нерезидент", ["SHARING_AGREEMENT_PARTICIPANT"] = "G участник СРП", ["PRINCIPAL"] = "H доверитель",
        ["RETAIL"] = "I Розничная реализация", ["INDIVIDUAL"] = "J Физические лицо",
    };

    /// <summary>Columns 1–10 of sections G and H (the form's first table part).</summary>
    private static readonly FormColumn[] FirstPart =
    [
        new("1", "№ п/п", 2.5f),
        new("2", "Признак происхождения товара, работ, услуг", 4),
        new("3", "Наименование товаров, работ, услуг", 16),
        new("3/1", "Наименование товаров в соответствии с Декларацией на товары или заявления о ввозе товаров и уплате косвенных налогов", 14),
        new("4", "Код товара (ТН ВЭД ЕАЭС)", 7),
        new("5", "Единица измерения", 4.5f),
        new("6", "Количество (объем)", 6, Numeric: true),
        new("6/1", "Количественная единица измерения", 5),
        new("6/2", "Количество в количественной единице измерения", 6, Numeric: true),
        new("7", "Цена (тариф) за единицу товара, работы, услуги без косвенных налогов", 8, Numeric: true),
        new("8", "Стоимость товаров, работ, услуг без косвенных налогов", 9, Numeric: true),
        new("9", "Акциз – Ставка", 4, Numeric: true),
        new("10", "Акциз – Сумма", 7, Numeric: true),
    ];

    /// <summary>Columns 11–18 («Продолжение таблицы»), after the line number again.</summary>
    private static readonly FormColumn[] SecondPart =
    [
        new("1", "№ п/п", 2.5f),
        new("11", "Размер оборота по реализации (облагаемый/ необлагаемый оборот)", 9, Numeric: true),
        new("12", "НДС – Ставка", 5),
        new("13", "НДС – Сумма", 8, Numeric: true),
        new("14", "Стоимость товаров, работ, услуг с учетом косвенных налогов", 9, Numeric: true),
        new("15", "№ Декларации на товары, заявления о ввозе товаров и уплате косвенных налогов, сопроводительной накладной на товары, СТ-1 или СТ-KZ", 16),
        new("16", "Номер товарной позиции из Декларации на товары или заявления о ввозе товаров и уплате косвенных налогов", 8),
        new("17", "Идентификатор товара, работы, услуг", 8),
        new("17/1", "Код товара (GTIN)", 8),
        new("18", "Дополнительные данные", 14),
    ];

    public static PrintedForm Build(InvoiceRecord record, Uri? publicBase)
    {
        var body = InvoiceXmlParser.Parse(record.Body);
        var verification = publicBase is not null && record.RegistrationNumber is { } number
            ? VerificationLink.For(publicBase, number, record.Hash)
            : null;
        var status = $"Статус: {StatusLabels.Of(record.Status)} ({record.Status.ToWire()})"
            + (record.RegistrationNumber is { } registered ? $"; регистрационный номер {registered}" : "; не зарегистрирован")
            + $"; ИД {record.InvoiceId.ToString(CultureInfo.InvariantCulture)}";
        return new PrintedForm(Title, status, Sections(record, body), verification, Abbreviations);
    }

    private static List<FormSection> Sections(InvoiceRecord record, InvoiceBody body)
    {
        var sections = new List<FormSection> { General(record, body) };
        for (var i = 0; i < body.Sellers.Count; i++)
        {
            var of = Of(i, body.Sellers.Count);
            sections.Add(Seller(body.Sellers[i], of, body.Sellers.Count));
            sections.Add(SellerBank(body.Sellers[i], of));
        }

        for (var i = 0; i < body.Customers.Count; i++)
        {
            sections.Add(Customer(body.Customers[i], Of(i, body.Customers.Count), body.Customers.Count));
        }

        sections.Add(PublicOffice(body.PublicOffice));
        sections.Add(Shipment(body));
        sections.Add(Contract(body.DeliveryTerm));
        sections.Add(DeliveryDocuments(body));
        sections.Add(Goods(body.ProductSet));
        var participants = (body.SellerParticipants ?? []).Concat(body.CustomerParticipants ?? []).ToList();
        for (var i = 0; i < participants.Count; i++)
        {
            sections.Add(Participant(participants[i], body.ProductSet, Of(i, participants.Count)));
        }

        if (participants.Count == 0)
        {
            sections.Add(new FormSection("H", "Данные по товарам, работам, услугам участников совместной деятельности",
                [new FormField("34.1", "ИИН/БИН участников совместной деятельности", null)], []));
        }

        sections.Add(new FormSection("I", "Реквизиты поверенного (оператора) поставщика",
            Agent("35", body.SellerAgentTin, body.SellerAgentName, body.SellerAgentAddress, body.SellerAgentDocNum, body.SellerAgentDocDate), []));
        sections.Add(new FormSection("J", "Реквизиты поверенного (оператора) получателя",
            Agent("39", body.CustomerAgentTin, body.CustomerAgentName, body.CustomerAgentAddress, body.CustomerAgentDocNum, body.CustomerAgentDocDate), []));
        sections.Add(new FormSection("K", "Дополнительные сведения", [new FormField("43", "Дополнительные сведения", body.AddInf)], []));
        sections.Add(Signature(record, body));
        return sections;
    }

    private static FormSection General(InvoiceRecord record, InvoiceBody body)
    {
        var fixedInvoice = body.InvoiceType == "FIXED_INVOICE";
        var additional = body.InvoiceType == "ADDITIONAL_INVOICE";
        var related = body.RelatedInvoice;
        return new FormSection("A", "Общий раздел",
        [
            new("1", "Регистрационный номер", record.RegistrationNumber),
            new("1.1", "Номер учетной системы", body.Num),
            new("2", "Дата выписки", body.Date),
            new("2.1", "Дата выписки на бумажном носителе", body.DatePaper),
            new("3", "Дата совершения оборота", body.TurnoverDate),
            new("4", "Исправленный", fixedInvoice ? Mark : null),
            new("4.1", "Дата выписки", fixedInvoice ? related?.Date : null),
            new("4.2", "Номер учетной системы", fixedInvoice ? related?.Num : null),
            new("4.3", "Регистрационный номер", fixedInvoice ? related?.RegistrationNumber : null),
            new("5", "Дополнительный", additional ? Mark : null),
            new("5.1", "Дата выписки", additional ? related?.Date : null),
            new("5.2", "Номер учетной системы", additional ? related?.Num : null),
            new("5.3", "Регистрационный номер", additional ? related?.RegistrationNumber : null),
        ], []);
    }

    private static FormSection Seller(Seller seller, string of, int count) => new("B", "Реквизиты поставщика" + of,
    [
        new("6", "ИИН/БИН", seller.Tin),
        new("6.0", "БИН структурного подразделения юридического лица", seller.BranchTin),
        new("6.1", "БИН реорганизованного лица", seller.ReorganizedTin),
        new("10", "категория поставщика", Categories(seller.Statuses, SellerCategories)),
        new("10.1", "количество", seller.Has("JOINT_ACTIVITY_PARTICIPANT") || seller.Has("SHARING_AGREEMENT_PARTICIPANT") ? Number(count) : null),
        new("7", "Поставщик", seller.Name),
        new("7.1", "доля участия", Amount(seller.ShareParticipation)),
        new("8", "Адрес места нахождения", seller.Address),
        new("9.1", "Свидетельство плательщика НДС: серия", seller.CertificateSeries),
        new("9.2", "Свидетельство плательщика НДС: номер", seller.CertificateNum),
        new("9.3", "структурное подразделение юридического лица-нерезидента", seller.IsBranchNonResident == true ? Mark : null),
        new("11", "Дополнительные сведения", seller.Trailer),
    ], []);

    private static FormSection SellerBank(Seller seller, string of)
    {
        List<FormField> fields =
        [
            new("12", "Кбе", seller.Kbe),
            new("13", "ИИК", seller.Iik),
            new("14", "БИК", seller.Bik),
            new("15", "Наименование Банка", seller.Bank),
        ];
        // The VAT control account (B2, 12.1–15.1) is not on the 2024 form; printed when the invoice carries it, so nothing signed is hidden.
        if (seller.NdscaIik is not null || seller.NdscaBik is not null)
        {
            fields.AddRange(
            [
                new("12.1", "Кбе (контрольный счет НДС)", seller.NdscaKbe),
                new("13.1", "ИИК (контрольный счет НДС)", seller.NdscaIik),
                new("14.1", "БИК (контрольный счет НДС)", seller.NdscaBik),
                new("15.1", "Наименование Банка (контрольный счет НДС)", seller.NdscaBank),
            ]);
        }

        return new FormSection("B1", "Банковские реквизиты поставщика" + of, fields, []);
    }

    private static FormSection Customer(Customer customer, string of, int count) => new("C", "Реквизиты получателя" + of,
    [
        new("16", "ИИН/БИН", customer.Tin),
        new("16.0", "БИН структурного подразделения юридического лица", customer.BranchTin),
        new("16.1", "БИН реорганизованного лица", customer.ReorganizedTin),
        new("20", "категория получателя", Categories(customer.Statuses, CustomerCategories)),
        new("20.1", "количество", customer.Has("JOINT_ACTIVITY_PARTICIPANT") || customer.Has("SHARING_AGREEMENT_PARTICIPANT") ? Number(count) : null),
        new("17", "Получатель", customer.Name),
        new("17.1", "доля участия", Amount(customer.ShareParticipation)),
        new("18", "Адрес места нахождения", customer.Address),
        new("18.1", "Код страны (2-х буквенный код согласно Решения КТС)", customer.CountryCode),
        new("19", "Дополнительные сведения", customer.Trailer),
    ], []);

    private static FormSection PublicOffice(PublicOffice? office) => new("C1", "Реквизиты Государственного учреждения",
    [
        new("21", "ИИК", office?.Iik),
        new("23", "Назначение платежа", office?.PayPurpose),
        new("22", "Код товара, работ, услуг", office?.ProductCode),
        new("24", "БИК KKMFKZ2A", office?.Bik),
    ], []);

    private static FormSection Shipment(InvoiceBody body) => new("D", "Реквизиты грузоотправителя и грузополучателя",
    [
        new("25.1", "Грузоотправитель: ИИН/БИН", body.Consignor?.Tin),
        new("25.2", "Грузоотправитель: Наименование", body.Consignor?.Name),
        new("25.3", "Грузоотправитель: Адрес отправки", body.Consignor?.Address),
        new("26.1", "Грузополучатель: ИИН/БИН", body.Consignee?.Tin),
        new("26.2", "Грузополучатель: Наименование", body.Consignee?.Name),
        new("26.3", "Грузополучатель: Адрес доставки", body.Consignee?.Address),
        new("26.4", "Код страны (2-х буквенный код согласно Решения КТС)", body.Consignee?.CountryCode),
    ], []);

    private static FormSection Contract(DeliveryTerm? term) => new("E", "Договор (контракт)",
    [
        new("27.1", "Договор (контракт) на поставку товаров, работ, услуг", term?.HasContract == true ? Mark : null),
        new("27.2", "Без договора (контракта) на поставку товаров, работ, услуг", term?.HasContract == false ? Mark : null),
        new("27.3", "номер", term?.ContractNum),
        new("27.4", "дата", term?.ContractDate),
        new("27.5", "учетный номер", term?.AccountNumber),
        new("28", "Условия оплаты по договору", term?.Term),
        new("29", "Способ отправления", term?.TransportTypeCode),
        new("30.1", "Поставка товаров осуществлена по доверенности: номер", term?.Warrant),
        new("30.2", "Поставка товаров осуществлена по доверенности: дата", term?.WarrantDate),
        new("31", "Пункт назначения", term?.Destination),
        new("31.1", "Условия поставки (3-х буквенный код согласно Решения КТС)", term?.DeliveryConditionCode),
    ], []);

    private static FormSection DeliveryDocuments(InvoiceBody body)
    {
        List<FormField> fields =
        [
            new("32.1", "Документ, подтверждающий поставку товаров, работ, услуг: номер", body.DeliveryDocNum),
            new("32.2", "Документ, подтверждающий поставку товаров, работ, услуг: дата", body.DeliveryDocDate),
        ];
        // Rules p.53: goods under an SNT carry the public-procurement document as well; both are printed.
        if (body.DeliveryDocNum2 is not null || body.DeliveryDocDate2 is not null)
        {
            fields.Add(new("32.1", "номер (второй документ)", body.DeliveryDocNum2));
            fields.Add(new("32.2", "дата (второй документ)", body.DeliveryDocDate2));
        }

        return new FormSection("F", "Реквизиты документов, подтверждающих поставку товаров, работ, услуг", fields, []);
    }

    private static FormSection Goods(ProductSet set)
    {
        var rows = set.Products.Select((p, i) => new ProductRow(i + 1, p, p.Quantity, p.QuantitativeQuantity, p.PriceWithoutTax, p.ExciseAmount,
            p.TurnoverSize, p.NdsRate, p.NdsAmount, p.PriceWithTax, p.Additional)).ToList();
        return new FormSection("G", "Данные по товарам, работам, услугам",
        [
            new("33.1", "код валюты", set.CurrencyCode),
            new("33.2", "курс валюты", Amount(set.CurrencyRate)),
        ], Tables(rows, set.NdsRateType, set.TotalPriceWithoutTax, set.TotalExciseAmount, set.TotalTurnoverSize, set.TotalNdsAmount, set.TotalPriceWithTax));
    }

    /// <summary>Section H: the participant's shares of the lines, with the line's own description (p.75: 8, 10, 11, 13, 14 by share).</summary>
    private static FormSection Participant(Participant participant, ProductSet set, string of)
    {
        var rows = participant.ProductShares.Select(share =>
        {
            var number = share.ProductNumber ?? 0;
            var product = number >= 1 && number <= set.Products.Count ? set.Products[number - 1] : new Product();
            return new ProductRow(number, product, share.Quantity, share.QuantitativeQuantity, share.PriceWithoutTax, share.ExciseAmount,
                share.TurnoverSize, share.NdsRate, share.NdsAmount, share.PriceWithTax, share.Additional);
        }).ToList();
        var shares = participant.ProductShares;
        return new FormSection("H", "Данные по товарам, работам, услугам участников совместной деятельности" + of,
        [
            new("34.1", "ИИН/БИН участников совместной деятельности", participant.Tin),
            new("34.2", "БИН реорганизованного лица", participant.ReorganizedTin),
        ], Tables(rows, set.NdsRateType, Sum(shares, s => s.PriceWithoutTax), Sum(shares, s => s.ExciseAmount), Sum(shares, s => s.TurnoverSize),
            Sum(shares, s => s.NdsAmount), Sum(shares, s => s.PriceWithTax)));
    }

    private static FormTable[] Tables(
        IReadOnlyList<ProductRow> rows, string? ndsRateType, decimal? withoutTax, decimal? excise, decimal? turnover, decimal? nds, decimal? withTax)
    {
        const string Totals = "Всего по счету:";
        var first = rows.Select(r => (IReadOnlyList<string?>)
        [
            Number(r.Number), r.Product.TruOriginCode, r.Product.Description, r.Product.TnvedName, r.Product.UnitCode, r.Product.UnitNomenclature,
            Amount(r.Quantity), r.Product.QuantitativeUnitNomenclature, Amount(r.QuantitativeQuantity), Amount(r.Product.UnitPrice),
            Amount(r.PriceWithoutTax), Amount(r.Product.ExciseRate), Amount(r.ExciseAmount),
        ]).ToList();
        var second = rows.Select(r => (IReadOnlyList<string?>)
        [
            Number(r.Number), Amount(r.TurnoverSize), NdsRate(r.NdsRate, ndsRateType), Amount(r.NdsAmount), Amount(r.PriceWithTax),
            r.Product.ProductDeclaration, r.Product.ProductNumberInDeclaration, r.Product.CatalogTruId, r.Product.GtinCode, r.Additional,
        ]).ToList();
        return
        [
            new FormTable("Графы 1–10", FirstPart, first, [Totals, null, null, null, null, null, null, null, null, null, Amount(withoutTax), null, Amount(excise)]),
            new FormTable("Продолжение таблицы: графы 11–18", SecondPart, second,
                [Totals, Amount(turnover), null, Amount(nds), Amount(withTax), null, null, null, null, null]),
        ];
    }

    private static FormField[] Agent(string firstCode, string? tin, string? name, string? address, string? docNum, string? docDate)
    {
        var code = int.Parse(firstCode, CultureInfo.InvariantCulture);
        string C(int offset, string suffix = "") => (code + offset).ToString(CultureInfo.InvariantCulture) + suffix;
        return
        [
            new(C(0), "БИН", tin),
            new(C(1), "Поверенный", name),
            new(C(2), "Адрес места нахождения", address),
            new(C(3, ".1"), "Документ: Номер", docNum),
            new(C(3, ".2"), "Документ: Дата", docDate),
        ];
    }

    private static FormSection Signature(InvoiceRecord record, InvoiceBody body)
    {
        var signer = SignatureDetails.From(record.Certificate);
        var described = signer?.Describe() ?? "сертификат не читается";
        var verdict = record.SignatureValid switch { true => "подпись проверена", false => "подпись не прошла проверку", null => "подпись еще не проверена" };
        var company = record.SignatureType == "COMPANY";
        return new FormSection("L", "Сведения по ЭЦП",
        [
            new("44", "ЭЦП юридического лица (структурного подразделения юридического лица) или индивидуального предпринимателя либо лица, занимающегося частной практикой",
                company ? $"{described}; {verdict}" : null),
            new("45", "ЭЦП лица, уполномоченного подписывать счета-фактуры", company ? null : $"{described}; {verdict}"),
            new("46", "Ф.И.О. (при его наличии) лица, выписывающего ЭСФ", body.OperatorFullname),
        ], []);
    }

    private static string? Categories(List<string>? statuses, Dictionary<string, string> names) =>
        statuses is null or [] ? null : string.Join("; ", statuses.Select(s => names.GetValueOrDefault(s, s)));

    /// <summary>G 12: a rate in percent; «Без НДС» when absent, «Без НДС – не РК» when the set says the place of sale is abroad.</summary>
    private static string NdsRate(int? rate, string? rateType) =>
        rate is { } percent ? Number(percent) + "%" : rateType == "WITHOUT_NDS_NOT_KZ" ? "Без НДС – не РК" : "Без НДС";

    private static string Of(int index, int count) => count > 1 ? $" ({index + 1} из {count})" : "";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? Amount(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static decimal? Sum(IReadOnlyList<ProductShare> shares, Func<ProductShare, decimal?> field) =>
        shares.Any(s => field(s) is not null) ? shares.Sum(s => field(s) ?? 0) : null;

    /// <summary>A line of G, or a participant's share of one in H: the description from the line, the amounts from the share.</summary>
    private sealed record ProductRow(
        int Number, Product Product, decimal? Quantity, decimal? QuantitativeQuantity, decimal? PriceWithoutTax, decimal? ExciseAmount,
        decimal? TurnoverSize, int? NdsRate, decimal? NdsAmount, decimal? PriceWithTax, string? Additional);
}
