using Esf.Infrastructure.Search;

namespace Esf.Api.Journal;

/// <summary>
/// The journal's words in Russian, Kazakh and English. Kazakh follows the ИС ЭСФ's own terms: шот-фактура (invoice),
/// ЭШФ (ЭСФ), ЖСН/БСН (ИИН/БИН), БСК (БИК), ЖСК (ИИК), ІЖТ (СНТ), ТЖҚ (ТРУ).
/// </summary>
public static class JournalText
{
    public static readonly string[] Languages = ["ru", "kk", "en"];

    private static readonly Dictionary<string, (string Ru, string Kk, string En)> Words = new(StringComparer.Ordinal)
    {
        ["App"] = ("Журнал ЭСФ", "ЭШФ журналы", "Invoice journal"),
        ["Skip"] = ("К содержанию", "Мазмұнға өту", "Skip to content"),
        ["Menu"] = ("Разделы", "Бөлімдер", "Sections"),
        ["Journal"] = ("Журнал", "Журнал", "Journal"),
        ["Uploads"] = ("Журнал загрузок", "Жүктеу журналы", "Upload log"),
        ["Queue"] = ("Очередь и ошибки", "Кезек және қателер", "Queue and failures"),
        ["LogOut"] = ("Выйти", "Шығу", "Log out"),
        ["LogIn"] = ("Войти", "Кіру", "Log in"),
        ["Language"] = ("Язык", "Тіл", "Language"),
        ["LoginTitle"] = ("Вход в журнал ЭСФ", "ЭШФ журналына кіру", "Log in to the invoice journal"),
        ["WithPassword"] = ("Пароль и сертификат", "Құпиясөз және сертификат", "Password and certificate"),
        ["WithTicket"] = ("Подписанный билет", "Қол қойылған билет", "Signed ticket"),
        ["Tin"] = ("ИИН/БИН предприятия", "Кәсіпорынның ЖСН/БСН", "Enterprise IIN/BIN"),
        ["Iin"] = ("ИИН пользователя", "Пайдаланушының ЖСН", "User IIN"),
        ["Password"] = ("Пароль", "Құпиясөз", "Password"),
        ["CertificateFile"] = ("Файл сертификата (PEM или DER)", "Сертификат файлы (PEM немесе DER)", "Certificate file (PEM or DER)"),
        ["TicketFile"] = ("Файл подписанного билета (XML)", "Қол қойылған билет файлы (XML)", "Signed ticket file (XML)"),
        ["GetTicket"] = ("Получить билет для подписи", "Қол қоюға билет алу", "Get a ticket to sign"),
        ["TicketToSign"] = ("Подпишите этот билет ключом AUTH и загрузите его ниже", "Бұл билетке AUTH кілтімен қол қойып, төменде жүктеңіз",
            "Sign this ticket with your AUTH key and upload it below"),
        ["LoginFailed"] = ("Вход не выполнен", "Кіру орындалмады", "Login failed"),
        ["Filters"] = ("Фильтры", "Сүзгілер", "Filters"),
        ["Extended"] = ("Расширенный поиск", "Кеңейтілген іздеу", "Extended search"),
        ["DateFrom"] = ("Дата выписки с", "Жазып берілген күні, бастап", "Issue date from"),
        ["DateTo"] = ("Дата выписки по", "Жазып берілген күні, дейін", "Issue date to"),
        ["Direction"] = ("Направление", "Бағыты", "Direction"),
        ["All"] = ("Все", "Барлығы", "All"),
        ["Outbound"] = ("Отправленные", "Жіберілген", "Sent"),
        ["Inbound"] = ("Полученные", "Алынған", "Received"),
        ["Status"] = ("Статус ЭСФ", "ЭШФ мәртебесі", "Status"),
        ["Any"] = ("Без фильтра", "Сүзгісіз", "Any"),
        ["RegistrationNumber"] = ("Регистрационный номер", "Тіркеу нөмірі", "Registration number"),
        ["Num"] = ("Номер учетной системы", "Есепке алу жүйесінің нөмірі", "Accounting number"),
        ["ContragentTin"] = ("ИИН/БИН контрагента", "Контрагенттің ЖСН/БСН", "Counterparty IIN/BIN"),
        ["TurnoverDateFrom"] = ("Дата совершения оборота с", "Айналым жасалған күні, бастап", "Turnover date from"),
        ["TurnoverDateTo"] = ("Дата совершения оборота по", "Айналым жасалған күні, дейін", "Turnover date to"),
        ["CurrencyCode"] = ("Валюта", "Валюта", "Currency"),
        ["ConsignorTin"] = ("ИИН/БИН грузоотправителя", "Жүк жөнелтушінің ЖСН/БСН", "Consignor IIN/BIN"),
        ["ConsigneeTin"] = ("ИИН/БИН грузополучателя", "Жүк алушының ЖСН/БСН", "Consignee IIN/BIN"),
        ["SellerStatus"] = ("Статус поставщика", "Жеткізуші санаты", "Supplier category"),
        ["CustomerStatus"] = ("Статус получателя", "Алушы санаты", "Recipient category"),
        ["SellerBik"] = ("БИК поставщика", "Жеткізушінің БСК", "Supplier BIC"),
        ["PublicOfficeIik"] = ("ИИК ГУ", "ММ ЖСК", "State institution account"),
        ["TotalWithTaxFrom"] = ("Стоимость с учетом косвенных налогов от", "Жанама салықтарды қоса алғандағы құны, бастап", "Total with taxes from"),
        ["TotalWithTaxTo"] = ("Стоимость с учетом косвенных налогов до", "Жанама салықтарды қоса алғандағы құны, дейін", "Total with taxes to"),
        ["TotalWithoutTaxFrom"] = ("Стоимость без учета косвенных налогов от", "Жанама салықтарсыз құны, бастап", "Total without taxes from"),
        ["TotalWithoutTaxTo"] = ("Стоимость без учета косвенных налогов до", "Жанама салықтарсыз құны, дейін", "Total without taxes to"),
        ["NdsAmountFrom"] = ("НДС-Сумма от", "ҚҚС сомасы, бастап", "VAT amount from"),
        ["NdsAmountTo"] = ("НДС-Сумма до", "ҚҚС сомасы, дейін", "VAT amount to"),
        ["ExciseAmountFrom"] = ("Акциз-Сумма от", "Акциз сомасы, бастап", "Excise amount from"),
        ["ExciseAmountTo"] = ("Акциз-Сумма до", "Акциз сомасы, дейін", "Excise amount to"),
        ["TurnoverSizeFrom"] = ("Размер оборота от", "Айналым мөлшері, бастап", "Turnover from"),
        ["TurnoverSizeTo"] = ("Размер оборота до", "Айналым мөлшері, дейін", "Turnover to"),
        ["Sort"] = ("Сортировка", "Сұрыптау", "Sort"),
        ["Asc"] = ("По возрастанию (ASC)", "Өсу ретімен (ASC)", "Ascending (ASC)"),
        ["Apply"] = ("Применить", "Қолдану", "Apply"),
        ["GroupBy"] = ("Группировка", "Топтастыру", "Grouping"),
        ["Report"] = ("Отчет", "Есеп", "Report"),
        ["BuildReport"] = ("Сформировать отчет", "Есепті қалыптастыру", "Build the report"),
        ["Date"] = ("Дата выписки", "Жазып берілген күні", "Issue date"),
        ["Seller"] = ("Поставщик", "Жеткізуші", "Supplier"),
        ["Customer"] = ("Получатель", "Алушы", "Recipient"),
        ["Total"] = ("Стоимость с налогами", "Салықтармен құны", "Total with taxes"),
        ["NoInvoices"] = ("Нет счетов-фактур по этим фильтрам.", "Бұл сүзгілер бойынша шот-фактуралар жоқ.", "No invoices match these filters."),
        ["NextPage"] = ("Следующая страница", "Келесі бет", "Next page"),
        ["FirstPage"] = ("Первая страница", "Бірінші бет", "First page"),
        ["Invoice"] = ("Счет-фактура", "Шот-фактура", "Invoice"),
        ["PrintPdf"] = ("Печатная форма (PDF)", "Баспа нысаны (PDF)", "Printed form (PDF)"),
        ["PrintHtml"] = ("Печатная форма (HTML)", "Баспа нысаны (HTML)", "Printed form (HTML)"),
        ["History"] = ("История статусов", "Мәртебелер тарихы", "Status history"),
        ["Errors"] = ("Ошибки ФЛК", "ФЛБ қателері", "Control errors"),
        ["Rule"] = ("Правило", "Ереже", "Rule"),
        ["ErrorCode"] = ("Код ошибки", "Қате коды", "Error code"),
        ["Field"] = ("Поле", "Өріс", "Field"),
        ["Message"] = ("Сообщение", "Хабарлама", "Message"),
        ["Linked"] = ("Связанные документы", "Байланысты құжаттар", "Linked documents"),
        ["DeliveryDocuments"] = ("Документы поставки (СНТ и др.)", "Жеткізу құжаттары (ІЖТ және т.б.)", "Delivery documents (waybills etc.)"),
        ["Type"] = ("Вид", "Түрі", "Type"),
        ["AllFields"] = ("Все поля счета-фактуры", "Шот-фактураның барлық өрістері", "Every field of the invoice"),
        ["From"] = ("Из статуса", "Мәртебеден", "From"),
        ["To"] = ("В статус", "Мәртебеге", "To"),
        ["ChangedAt"] = ("Когда", "Қашан", "When"),
        ["Actor"] = ("Кто", "Кім", "Who"),
        ["Reason"] = ("Причина", "Себебі", "Reason"),
        ["None"] = ("Нет", "Жоқ", "None"),
        ["NotFound"] = ("Счет-фактура не найден.", "Шот-фактура табылмады.", "Invoice not found."),
        ["Upload"] = ("Загрузка", "Жүктеу", "Upload"),
        ["ReceivedAt"] = ("Получена", "Алынды", "Received"),
        ["Channel"] = ("Канал", "Арна", "Channel"),
        ["User"] = ("Пользователь", "Пайдаланушы", "User"),
        ["Items"] = ("Всего", "Барлығы", "Items"),
        ["Accepted"] = ("Принято", "Қабылданды", "Accepted"),
        ["Declined"] = ("Отклонено", "Қабылданбады", "Declined"),
        ["NoUploads"] = ("Загрузок пока нет.", "Әзірге жүктеу жоқ.", "No uploads yet."),
        ["Waiting"] = ("Счетов-фактур в очереди", "Кезектегі шот-фактуралар", "Invoices in the queue"),
        ["OldestWaiting"] = ("Старейший ждет с", "Ең ескісі күтуде, бастап", "Oldest waiting since"),
        ["RecentFailures"] = ("Последние ошибочные", "Соңғы қате шот-фактуралар", "Recent failures"),
        ["Group"] = ("Группа", "Топ", "Group"),
        ["Count"] = ("Количество", "Саны", "Invoices"),
        ["TotalWithoutTax"] = ("Без налогов", "Салықтарсыз", "Without taxes"),
        ["TotalNds"] = ("НДС", "ҚҚС", "VAT"),
        ["DownloadXlsx"] = ("Скачать XLSX", "XLSX жүктеп алу", "Download XLSX"),
        ["DownloadCsv"] = ("Скачать CSV", "CSV жүктеп алу", "Download CSV"),
        ["VerifyTitle"] = ("Проверка счета-фактуры", "Шот-фактураны тексеру", "Invoice verification"),
        ["Registered"] = ("Счет-фактура зарегистрирован в системе.", "Шот-фактура жүйеде тіркелген.", "This invoice is registered."),
        ["Unknown"] = ("Счет-фактура с таким регистрационным номером не зарегистрирован.", "Мұндай тіркеу нөмірімен шот-фактура тіркелмеген.",
            "No invoice with this registration number is registered."),
        ["HashMatches"] = ("Хеш подписанного документа совпадает с QR-кодом: бумага соответствует зарегистрированному счету-фактуре.",
            "Қол қойылған құжаттың хеші QR-кодпен сәйкес: қағаз тіркелген шот-фактураға сәйкес келеді.",
            "The hash of the signed document matches the QR code: the paper is the registered invoice."),
        ["HashMismatch"] = ("Хеш из ссылки НЕ совпадает с хешем зарегистрированного счета-фактуры: эта бумага не является зарегистрированным документом.",
            "Сілтемедегі хеш тіркелген шот-фактураның хешімен СӘЙКЕС ЕМЕС: бұл қағаз тіркелген құжат емес.",
            "The hash in the link does NOT match the registered invoice: this paper is not the registered document."),
        ["Hash"] = ("Хеш подписанного документа (SHA-256)", "Қол қойылған құжаттың хеші (SHA-256)", "Hash of the signed document (SHA-256)"),
        ["SellerTin"] = ("ИИН/БИН поставщика", "Жеткізушінің ЖСН/БСН", "Supplier IIN/BIN"),
        ["CustomerTin"] = ("ИИН/БИН получателя", "Алушының ЖСН/БСН", "Recipient IIN/BIN"),
        ["BadInput"] = ("Проверьте фильтры", "Сүзгілерді тексеріңіз", "Check the filters"),
    };

    private static readonly Dictionary<InvoiceSort, (string Ru, string Kk, string En)> Sorts = new()
    {
        [InvoiceSort.RegistrationNumber] = ("По регистрационному номеру счета-фактуры", "Тіркеу нөмірі бойынша", "By registration number"),
        [InvoiceSort.Num] = ("По номеру счета-фактуры", "Шот-фактура нөмірі бойынша", "By invoice number"),
        [InvoiceSort.Date] = ("По дате выписки счета-фактуры", "Жазып берілген күні бойынша", "By issue date"),
        [InvoiceSort.SellerTin] = ("По ИИН/БИН поставщика", "Жеткізушінің ЖСН/БСН бойынша", "By supplier IIN/BIN"),
        [InvoiceSort.SellerName] = ("По наименованию поставщика", "Жеткізушінің атауы бойынша", "By supplier name"),
        [InvoiceSort.CustomerTin] = ("По ИИН/БИН получателя", "Алушының ЖСН/БСН бойынша", "By recipient IIN/BIN"),
        [InvoiceSort.CustomerName] = ("По наименованию получателя", "Алушының атауы бойынша", "By recipient name"),
        [InvoiceSort.Status] = ("По статусу счет-фактуры", "Мәртебесі бойынша", "By status"),
        [InvoiceSort.TurnoverDate] = ("По дате совершения оборота", "Айналым жасалған күні бойынша", "By turnover date"),
        [InvoiceSort.LastUpdateDate] = ("По дате изменения счет-фактуры", "Өзгертілген күні бойынша", "By change date"),
        [InvoiceSort.CancelReason] = ("По причине аннулирования/отзыва/ошибки", "Күшін жою/кері қайтару/қате себебі бойынша", "By annulment, revocation or error reason"),
        [InvoiceSort.TotalPriceWithTax] = ("По стоимости ТРУ с учетом косвенных налогов", "Жанама салықтарды қоса алғандағы ТЖҚ құны бойынша", "By total with indirect taxes"),
        [InvoiceSort.SellerStatus] = ("По статусу поставщика", "Жеткізуші санаты бойынша", "By supplier category"),
        [InvoiceSort.SellerBik] = ("По БИК поставщика", "Жеткізушінің БСК бойынша", "By supplier BIC"),
        [InvoiceSort.CustomerStatus] = ("По статусу получателя", "Алушы санаты бойынша", "By recipient category"),
        [InvoiceSort.ConsignorName] = ("По наименованию грузоотправителя", "Жүк жөнелтушінің атауы бойынша", "By consignor name"),
        [InvoiceSort.ConsignorTin] = ("По ИИН/БИН грузоотправителя", "Жүк жөнелтушінің ЖСН/БСН бойынша", "By consignor IIN/BIN"),
        [InvoiceSort.ConsigneeName] = ("По наименованию грузополучателя", "Жүк алушының атауы бойынша", "By consignee name"),
        [InvoiceSort.ConsigneeTin] = ("По ИИН/БИН грузополучателя", "Жүк алушының ЖСН/БСН бойынша", "By consignee IIN/BIN"),
        [InvoiceSort.Iik] = ("По ИИК", "ЖСК бойынша", "By account (IIK)"),
        [InvoiceSort.ProductCode] = ("По коду ТРУ", "ТЖҚ коды бойынша", "By goods code"),
        [InvoiceSort.PayPurpose] = ("По назначению платежа", "Төлем мақсаты бойынша", "By payment purpose"),
    };

    private static readonly Dictionary<InvoiceGrouping, (string Ru, string Kk, string En)> Groupings = new()
    {
        [InvoiceGrouping.Author] = ("По автору", "Авторы бойынша", "By author"),
        [InvoiceGrouping.Contragent] = ("По контрагенту", "Контрагент бойынша", "By counterparty"),
        [InvoiceGrouping.IssueDate] = ("По дате выписки", "Жазып берілген күні бойынша", "By issue date"),
        [InvoiceGrouping.IssueMonth] = ("По месяцу выписки", "Жазып берілген айы бойынша", "By issue month"),
        [InvoiceGrouping.IssueQuarter] = ("По кварталу выписки", "Жазып берілген тоқсаны бойынша", "By issue quarter"),
        [InvoiceGrouping.IssueYear] = ("По году выписки", "Жазып берілген жылы бойынша", "By issue year"),
        [InvoiceGrouping.TurnoverDate] = ("По дате оборота реализации", "Өткізу айналымының күні бойынша", "By turnover date"),
        [InvoiceGrouping.TurnoverMonth] = ("По месяцу оборота реализации", "Өткізу айналымының айы бойынша", "By turnover month"),
        [InvoiceGrouping.TurnoverQuarter] = ("По кварталу оборота реализации", "Өткізу айналымының тоқсаны бойынша", "By turnover quarter"),
        [InvoiceGrouping.TurnoverYear] = ("По году оборота реализации", "Өткізу айналымының жылы бойынша", "By turnover year"),
        [InvoiceGrouping.ChangeDate] = ("По дате изменения", "Өзгертілген күні бойынша", "By change date"),
        [InvoiceGrouping.ChangeMonth] = ("По месяцу изменения", "Өзгертілген айы бойынша", "By change month"),
        [InvoiceGrouping.ChangeQuarter] = ("По кварталу изменения", "Өзгертілген тоқсаны бойынша", "By change quarter"),
        [InvoiceGrouping.ChangeYear] = ("По году изменения", "Өзгертілген жылы бойынша", "By change year"),
        [InvoiceGrouping.Type] = ("По типу", "Түрі бойынша", "By type"),
        [InvoiceGrouping.Status] = ("По статусу", "Мәртебесі бойынша", "By status"),
    };

    /// <summary>The categories of Table 31's «Статус поставщика» and «Статус получателя» lists (XML values).</summary>
    private static readonly Dictionary<string, (string Ru, string Kk, string En)> Categories = new(StringComparer.Ordinal)
    {
        ["COMMITTENT"] = ("Комитент", "Комитент", "Committent"),
        ["BROKER"] = ("Комиссионер", "Комиссионер", "Commission agent"),
        ["FORWARDER"] = ("Экспедитор", "Экспедитор", "Forwarder"),
        ["LESSOR"] = ("Лизингодатель", "Лизинг беруші", "Lessor"),
        ["LESSEE"] = ("Лизингополучатель", "Лизинг алушы", "Lessee"),
        ["JOINT_ACTIVITY_PARTICIPANT"] = ("Участник договора о совместной деятельности", "Бірлескен қызмет туралы шарттың қатысушысы", "Joint activity participant"),
        ["EXPORTER"] = ("Экспортер", "Экспорттаушы", "Exporter"),
        ["PUBLIC_OFFICE"] = ("Гос.учреждение", "Мемлекеттік мекеме", "State institution"),
        ["NONRESIDENT"] = ("Нерезидент", "Бейрезидент", "Non-resident"),
    };

    public static readonly string[] SellerCategories = ["COMMITTENT", "BROKER", "FORWARDER", "LESSOR", "JOINT_ACTIVITY_PARTICIPANT", "EXPORTER"];

    public static readonly string[] CustomerCategories = ["COMMITTENT", "BROKER", "LESSEE", "JOINT_ACTIVITY_PARTICIPANT", "PUBLIC_OFFICE", "NONRESIDENT"];

    public static string Get(string key, string language) => Pick(Words[key], language);

    public static string Of(InvoiceSort sort, string language) => Pick(Sorts[sort], language);

    public static string Of(InvoiceGrouping grouping, string language) => Pick(Groupings[grouping], language);

    public static string Category(string value, string language) => Pick(Categories[value], language);

    private static string Pick((string Ru, string Kk, string En) text, string language) => language switch
    {
        "kk" => text.Kk,
        "en" => text.En,
        _ => text.Ru,
    };
}
