using System.Text;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Printing;
using Esf.Infrastructure.Xml;
using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Printing;

/// <summary>
/// The printed form of Appendix 2 (spec-rest §4) as PDF and HTML: every section A–L, the fields of the invoice as signed,
/// repeated blocks for several sellers and participants, long tables across pages with their header repeated.
/// The PDF is read back with PdfPig, so what is checked is what a reader sees.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class Printing_the_invoice_form
{
    private static readonly Uri PublicBase = new("https://esf.example.kz/");

    private static readonly string[] SectionHeadings =
    [
        "Раздел A. Общий раздел", "Раздел B. Реквизиты поставщика", "Раздел B1. Банковские реквизиты поставщика", "Раздел C. Реквизиты получателя",
        "Раздел C1. Реквизиты Государственного учреждения", "Раздел D. Реквизиты грузоотправителя и грузополучателя", "Раздел E. Договор (контракт)",
        "Раздел F. Реквизиты документов, подтверждающих поставку товаров, работ, услуг", "Раздел G. Данные по товарам, работам, услугам",
        "Раздел H. Данные по товарам, работам, услугам участников совместной деятельности", "Раздел I. Реквизиты поверенного (оператора) поставщика",
        "Раздел J. Реквизиты поверенного (оператора) получателя", "Раздел K. Дополнительные сведения", "Раздел L. Сведения по ЭЦП",
    ];

    [TestCase(PrintFormat.Pdf)]
    [TestCase(PrintFormat.Html)]
    public void Should_print_the_sdk_sample_with_every_section_and_its_fields(PrintFormat format)
    {
        // Arrange
        var body = PrintableInvoices.SdkSampleBody();
        if (body is null)
        {
            Assert.Ignore("shared/reference/sdk-2025 is not beside this checkout.");
        }

        var invoice = PrintableInvoices.Stored(body);
        var signed = InvoiceXmlParser.Parse(body);

        // Act
        var printed = InvoicePrinter.Print(invoice, format, PublicBase);

        // Assert
        TestArtefacts.Save($"printed-sdk-sample.{format.ToString().ToLowerInvariant()}", printed.Content);
        var text = string.Concat(Read(printed));
        string[] expected =
        [
            .. SectionHeadings, InvoiceFormBuilder.Title, PrintableInvoices.RegistrationNumber, signed.Num!, signed.Date!, signed.TurnoverDate!,
            signed.Sellers[0].Tin!, signed.Sellers[0].Name!, signed.Sellers[0].Address!, signed.Sellers[0].Iik!, signed.Sellers[0].Bik!,
            signed.Sellers[0].Bank!, signed.Sellers[0].CertificateSeries!, signed.Sellers[0].CertificateNum!, "17",
            signed.Customers[0].Tin!, signed.Customers[0].Name!, signed.Customers[0].Address!,
            signed.DeliveryTerm!.ContractNum!, signed.DeliveryTerm.ContractDate!, signed.DeliveryTerm.Term!, signed.DeliveryTerm.Warrant!,
            signed.DeliveryTerm.WarrantDate!, signed.DeliveryDocNum!, signed.DeliveryDocDate!, "KZT",
            .. signed.ProductSet.Products.SelectMany(p => new[] { p.Description!, p.TnvedName!, p.UnitCode!, PrintableInvoices.Amount(p.PriceWithTax) }),
            PrintableInvoices.Amount(signed.ProductSet.TotalPriceWithTax), PrintableInvoices.Amount(signed.ProductSet.TotalNdsAmount),
            PrintableInvoices.Amount(signed.ProductSet.TotalPriceWithoutTax), "Всего по счету:", "55301/280717/0044564",
            signed.OperatorFullname!, "ИИН 870101300123", "Не просмотрен", "Проверка:", "verify/" + PrintableInvoices.RegistrationNumber,
        ];
        Assert.That(expected.Where(value => !text.Contains(PrintedText.Squeeze(value), StringComparison.Ordinal)), Is.Empty,
            $"values of the invoice missing from the {format} form");
    }

    [TestCase(PrintFormat.Pdf)]
    [TestCase(PrintFormat.Html)]
    public void Should_print_a_200_line_invoice_of_three_sellers_with_their_blocks_repeated(PrintFormat format)
    {
        // Arrange
        var body = PrintableInvoices.ThreeSellerBody();
        Assert.That(InvoiceBodyReader.Read(body).Violations, Is.Empty, "the invoice matches InvoiceV2.xsd");
        var invoice = PrintableInvoices.Stored(body);

        // Act
        var printed = InvoicePrinter.Print(invoice, format, PublicBase);

        // Assert
        TestArtefacts.Save($"printed-three-sellers.{format.ToString().ToLowerInvariant()}", printed.Content);
        var text = string.Concat(Read(printed));
        string[] expected =
        [
            .. SectionHeadings,
            .. new[] { "1", "2", "3" }.SelectMany(n => new[] { $"Реквизиты поставщика ({n} из 3)", $"Банковские реквизиты поставщика ({n} из 3)",
                $"участников совместной деятельности ({n} из 3)" }),
            "111111111111", "222222222222", "333333333333", "ТОО «Серіктес 3»", "Әбілқасымова Гүлнұр Жақсылыққызы",
            .. Enumerable.Range(1, PrintableInvoices.ManyLines).Select(n => $"Товар № {n} «Қазақстан» ә ғ қ ң ө ұ ү һ і"),
        ];
        Assert.That(expected.Where(value => !text.Contains(PrintedText.Squeeze(value), StringComparison.Ordinal)), Is.Empty,
            $"values missing from the {format} form");
        var lastLine = PrintedText.Squeeze($"Товар № {PrintableInvoices.ManyLines} «Қазақстан»");
        Assert.That(Occurrences(text, lastLine), Is.EqualTo(1 + 3 * 1), "the line in G and in each participant's H");
    }

    [Test]
    public void Should_break_long_tables_across_a4_pages_repeating_the_header()
    {
        // Arrange
        var invoice = PrintableInvoices.Stored(PrintableInvoices.ThreeSellerBody());

        // Act
        var printed = InvoicePrinter.Print(invoice, PrintFormat.Pdf, PublicBase);

        // Assert
        var pages = PrintedText.PdfPages(printed.Content);
        var header = PrintedText.Squeeze("Наименование товаров, работ, услуг");
        var goodsPages = pages.Select((text, index) => (text, index)).Where(p => p.text.Contains(PrintedText.Squeeze("Товар №"), StringComparison.Ordinal)).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(goodsPages, Has.Count.GreaterThan(10), "800 table rows take many pages");
            Assert.That(goodsPages.Where(p => !p.text.Contains(header, StringComparison.Ordinal)).Select(p => p.index + 1), Is.Empty,
                "pages with goods rows but without the column header");
            Assert.That(pages.Select((text, i) => text.Contains($"Страница{i + 1}из{pages.Count}", StringComparison.Ordinal)), Is.All.True);
            Assert.That(Sizes(printed.Content), Is.All.EqualTo((842, 595)), "A4 landscape, in points");
        }
    }

    [Test]
    public void Should_print_no_verification_link_for_an_invoice_not_registered_yet()
    {
        // Arrange
        var invoice = PrintableInvoices.Stored(TestInvoices.Build("77", "15.11.2026", "111111111111", "444444444444"), registrationNumber: null);

        // Act
        var html = Encoding.UTF8.GetString(InvoicePrinter.Print(invoice, PrintFormat.Html, PublicBase).Content);

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(html, Does.Not.Contain("/verify/"));
            Assert.That(html, Does.Contain("не зарегистрирован"));
        }
    }

    [Test]
    public void Should_escape_markup_in_invoice_text_on_the_html_form()
    {
        // Arrange
        var body = TestInvoices.Build("78", "15.11.2026", "111111111111", "444444444444")
            .Replace("ТОО «Покупатель»", "&lt;script&gt;alert(1)&lt;/script&gt;", StringComparison.Ordinal);

        // Act
        var html = Encoding.UTF8.GetString(InvoicePrinter.Print(PrintableInvoices.Stored(body), PrintFormat.Html, PublicBase).Content);

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(html, Does.Not.Contain("<script>"));
            Assert.That(html, Does.Contain("&lt;script&gt;alert(1)&lt;/script&gt;"));
        }
    }

    private static IReadOnlyList<string> Read(PrintedDocument printed) => printed.ContentType == "application/pdf"
        ? PrintedText.PdfPages(printed.Content)
        : [PrintedText.Html(Encoding.UTF8.GetString(printed.Content))];

    private static int Occurrences(string text, string value) =>
        (text.Length - text.Replace(value, "", StringComparison.Ordinal).Length) / value.Length;

    private static IEnumerable<(int, int)> Sizes(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return [.. document.GetPages().Select(p => ((int)Math.Round(p.Width), (int)Math.Round(p.Height)))];
    }
}
