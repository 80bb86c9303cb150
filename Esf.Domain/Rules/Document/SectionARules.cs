using Esf.Domain.Invoices.Document;
using static Esf.Domain.Rules.Document.Define;

namespace Esf.Domain.Rules.Document;

/// <summary>Section A (general) and the relatedInvoice link, decided from the body alone.</summary>
public static class SectionARules
{
    public static IReadOnlyList<IDocumentRule> All { get; } =
    [
        Doc("A-01", "FIELD_IS_NULL", "Не заполнено обязательное поле 1.1 «Номер учетной системы»",
            "Field 1.1 (accounting-system number) is mandatory", "spec-invoice §5.2, L369–381", ["num"],
            b => When(b.Num.IsBlank(), "num")),
        Doc("A-04", "WRONG_DATE", "Поле 3 «Дата совершения оборота» обязательно и должно быть датой в формате дд.мм.гггг",
            "Field 3 (turnover date) is mandatory and must be a dd.MM.yyyy date", "spec-invoice §5.2, L393–402", ["turnoverDate"],
            b => When(BodyFacts.ParseDate(b.TurnoverDate) is null, "turnoverDate")),
        Doc("A-05", "WRONG_TYPE", "Ссылка на основной ЭСФ (5.1–5.3) заполняется только в исправленном или дополнительном ЭСФ",
            "relatedInvoice is filled only on a corrected or additional invoice, and is required there", "spec-invoice §5.2, L404–432; Rules item 31",
            ["invoiceType", "relatedInvoice"],
            b => When((b.RelatedInvoice is not null) != (b.IsFixed() || b.IsAdditional()), "relatedInvoice"),
            "Fields 4 and 5 are one enumeration (invoiceType), so «both marked» cannot be written; the check that remains is that the link is present exactly on FIXED/ADDITIONAL invoices."),
        Doc("A-06", "WRONG_DATE", "Дата ссылки на основной ЭСФ должна быть датой в формате дд.мм.гггг, не позднее даты выписки",
            "relatedInvoice.date must be a dd.MM.yyyy date not after the invoice date", "Rules item 31 (refs 5.1–5.3)", ["relatedInvoice.date", "date"],
            b => When(b.RelatedInvoice is { } r && (BodyFacts.ParseDate(r.Date) is not { } d || BodyFacts.ParseDate(b.Date) is { } i && d > i),
                "relatedInvoice.date"),
            "Our id: the manual gives no check for the reference date; an original cannot be issued after the invoice that refers to it."),
        Doc("A-07", "PAPER_REASON_NOT_SET",
            "При заполненной дате выписки на бумажном носителе (2.1) укажите причину: «Техническая ошибка или плановые работы» (DOWN_TIME), " +
            "«Блокировка налогоплательщика уполномоченным органом» (UNLAWFUL_REMOVAL_REGISTRATION) или «Отсутствовало требования по выписке ЭСФ» (MISSING_REQUIREMENT)",
            "With a paper issue date (2.1) the reason is required: DOWN_TIME, UNLAWFUL_REMOVAL_REGISTRATION or MISSING_REQUIREMENT",
            "Seed 001 «Ввод бумажного счета-фактуры» (the three reasons, L4747–4760); XSD PaperReasonType; our id",
            ["datePaper", "reasonPaper"],
            b => When(!b.DatePaper.IsBlank() && b.ReasonPaper.IsBlank(), "reasonPaper"),
            "The manual's range has no id for paper invoices; A-07…A-10 are ours. Their error codes are the real API's PAPER_* codes. The reasons " +
            "are quoted as the manual names them (its «Отсутствовало требования» included); the XSD refuses any other reason code."),
        Doc("A-09", "PAPER_DATE_NOT_SET", "При указанной причине выписки на бумажном носителе заполните дату выписки на бумажном носителе (2.1) в формате дд.мм.гггг",
            "With a paper reason the paper issue date (2.1) is required, as dd.MM.yyyy", "Seed 001 «Ввод бумажного счета-фактуры» (field 2.1); our id",
            ["datePaper", "reasonPaper"],
            b => When(!b.ReasonPaper.IsBlank() && BodyFacts.ParseDate(b.DatePaper) is null, "datePaper"),
            "A date that is not dd.MM.yyyy is as good as none. A date without a reason is A-07's."),
        Doc("A-10", "WRONG_DATE", "Дата совершения оборота не должна быть больше чем дата выписки на бумажном носителе (2.1)",
            "The turnover date must not be after the paper issue date (2.1)", "Seed 001 «Ввод бумажного счета-фактуры», L4786–4787; our id",
            ["turnoverDate", "datePaper"],
            b => When(BodyFacts.ParseDate(b.DatePaper) is { } paper && BodyFacts.ParseDate(b.TurnoverDate) is { } turnover && turnover > paper,
                "turnoverDate"),
            "The sentence closes the manual's paragraph on the outage reason but orders the two dates of any paper invoice, so it is checked for " +
            "all three reasons. The real list has no dedicated code; WRONG_DATE is its code for a date out of its allowed range."),
        Doc("DL-09", "WRONG_DATE", "Дополнительный ЭСФ выписывается не ранее даты корректировки (поле 3) и не позднее 15 календарных дней после нее",
            "An additional invoice is issued no earlier than its adjustment date (field 3) and within 15 calendar days after it",
            "spec-invoice §5.12, L2077–2079; Tax Code art. 412", ["date", "turnoverDate", "invoiceType"],
            b => When(b.IsAdditional() && BodyFacts.ParseDate(b.Date) is { } i && BodyFacts.ParseDate(b.TurnoverDate) is { } t
                && (i < t || i > t.AddDays(15)), "date")),
        Doc("DL-10", "MAIN_AND_FIXED_INVOICES_DATE_RANGE_INVALID",
            $"Исправленный ЭСФ выписывается в пределах срока исковой давности ({LimitationPeriod.Years} лет) с даты выписки основного ЭСФ",
            $"A corrected invoice is issued within the limitation period ({LimitationPeriod.Years} years) of the original's issue date",
            "spec-invoice §5.12, L2235–2238 (COR-04)",
            ["date", "relatedInvoice.date"],
            b => When(b.IsFixed() && BodyFacts.ParseDate(b.Date) is { } i && BodyFacts.ParseDate(b.RelatedInvoice?.Date) is { } o
                && i > LimitationPeriod.LastDay(o), "date"),
            "COR-04 is the same check and is reported under DL-10. The original's date is taken from relatedInvoice.date; ADD-01/COR-01 make sure it is the real one."),
        Doc("DL-08", "WRONG_DATE",
            $"ЭСФ не может быть выписан позднее срока исковой давности ({LimitationPeriod.Years} лет) после даты совершения оборота",
            $"An invoice cannot be issued later than the limitation period ({LimitationPeriod.Years} years) after the turnover date",
            "spec-invoice §5.12, L297–306 (Table 17 case 18); the period's length: seed 001 L2235–2236", ["date", "turnoverDate", "invoiceType"],
            b => When(!b.IsAdditional() && !b.IsFixed() && BodyFacts.ParseDate(b.Date) is { } i && BodyFacts.ParseDate(b.TurnoverDate) is { } t
                && i > LimitationPeriod.LastDay(t), "date"),
            "Table 17 has 18 cases and no field names the case, so the gateway enforces the bound common to every case: not later than the limitation period. The narrower cases DL-01…DL-07 are not enforced (see the decided-against list). " +
            "The period is the seeds' only figure, 5 years (seed 001 L2236), the same constant as DL-10; it was 3 years (Tax Code art. 48) until issue 10 (C2), which refused invoices the seed allows."),
    ];
}
