using System.Globalization;

namespace Esf.Tests.Infrastructure;

/// <summary>Valid InvoiceV2 bodies for tests: two product lines with Cyrillic names and consistent VAT arithmetic.</summary>
public static class TestInvoices
{
    /// <summary>The contract's sample invoice (contracts/samples/invoice-v2.xml), valid as it is.</summary>
    public static string ContractSample => File.ReadAllText(Path.Combine(TestServices.RepositoryRoot, "contracts", "samples", "invoice-v2.xml"));

    public static string Today => DateTime.UtcNow.AddHours(5).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    public static string Build(string num, string date, string sellerTin, string customerTin) => $"""
        <v2:invoice xmlns:a="abstractInvoice.esf" xmlns:v2="v2.esf">
          <date>{date}</date>
          <invoiceType>ORDINARY_INVOICE</invoiceType>
          <num>{num}</num>
          <operatorFullname>Тестова Айгерим</operatorFullname>
          <turnoverDate>{date}</turnoverDate>
          <customers>
            <customer>
              <address>г. Алматы, пр. Абая, 150</address>
              <countryCode>KZ</countryCode>
              <name>ТОО «Покупатель»</name>
              <tin>{customerTin}</tin>
            </customer>
          </customers>
          <productSet>
            <currencyCode>KZT</currencyCode>
            <products>
              <product>
                <catalogTruId>1</catalogTruId>
                <description>Бумага офисная А4 &amp; картон</description>
                <ndsAmount>2664.72</ndsAmount>
                <ndsRate>12</ndsRate>
                <priceWithTax>24870.72</priceWithTax>
                <priceWithoutTax>22206.00</priceWithoutTax>
                <quantity>12</quantity>
                <truOriginCode>5</truOriginCode>
                <turnoverSize>22206.00</turnoverSize>
                <unitNomenclature>796</unitNomenclature>
                <unitPrice>1850.50</unitPrice>
              </product>
              <product>
                <catalogTruId>1</catalogTruId>
                <description>Доставка по городу</description>
                <ndsAmount>1800.00</ndsAmount>
                <ndsRate>12</ndsRate>
                <priceWithTax>16800.00</priceWithTax>
                <priceWithoutTax>15000.00</priceWithoutTax>
                <quantity>1</quantity>
                <truOriginCode>6</truOriginCode>
                <turnoverSize>15000.00</turnoverSize>
                <unitPrice>15000.00</unitPrice>
              </product>
            </products>
            <totalExciseAmount>0.00</totalExciseAmount>
            <totalNdsAmount>4464.72</totalNdsAmount>
            <totalPriceWithTax>41670.72</totalPriceWithTax>
            <totalPriceWithoutTax>37206.00</totalPriceWithoutTax>
            <totalTurnoverSize>37206.00</totalTurnoverSize>
          </productSet>
          <sellers>
            <seller>
              <address>г. Астана, ул. Кенесары, 40</address>
              <name>ТОО «Продавец»</name>
              <tin>{sellerTin}</tin>
            </seller>
          </sellers>
        </v2:invoice>
        """;

    public static string Build(TestTenant tenant, string? num = null) => Build(num ?? TestTenant.UniqueNum(), Today, tenant.SellerTin, tenant.CustomerTin);

    /// <summary>
    /// <paramref name="body"/> as a corrected or additional invoice (<paramref name="type"/> FIXED_INVOICE or ADDITIONAL_INVOICE)
    /// of the original (num, date and, when given, registration number: relatedInvoice, fields 4.1–4.2 / 5.1–5.3).
    /// </summary>
    public static string Linked(string body, string type, string num, string dateText, string? registrationNumber = null)
    {
        var link = $"<relatedInvoice><date>{dateText}</date><num>{num}</num>" +
            (registrationNumber is null ? "" : $"<registrationNumber>{registrationNumber}</registrationNumber>") + "</relatedInvoice>";
        return body.Replace("ORDINARY_INVOICE", type, StringComparison.Ordinal)
            .Replace("<turnoverDate>", link + "<turnoverDate>", StringComparison.Ordinal);
    }

    /// <summary><paramref name="body"/> entered from paper: field 2.1 and its reason (DOWN_TIME, MISSING_REQUIREMENT, UNLAWFUL_REMOVAL_REGISTRATION).</summary>
    public static string OnPaper(string body, string datePaper, string reasonPaper) => body
        .Replace("</customers>", $"</customers><datePaper>{datePaper}</datePaper>", StringComparison.Ordinal)
        .Replace("</productSet>", $"</productSet><reasonPaper>{reasonPaper}</reasonPaper>", StringComparison.Ordinal);

    /// <summary><paramref name="body"/> issued for a reorganized person or a liquidated branch: the seller's field 6.1.</summary>
    public static string WithReorganizedSeller(string body, string reorganizedTin) =>
        body.Replace("<name>ТОО «Продавец»</name>", $"<name>ТОО «Продавец»</name><reorganizedTin>{reorganizedTin}</reorganizedTin>", StringComparison.Ordinal);

    /// <summary>The test invoice as a return of everything: every quantity and amount negated (unit prices stay positive).</summary>
    public static string FullReturn(string body)
    {
        foreach (var tag in new[] { "ndsAmount", "priceWithTax", "priceWithoutTax", "quantity", "turnoverSize", "totalNdsAmount",
                     "totalPriceWithTax", "totalPriceWithoutTax", "totalTurnoverSize" })
        {
            body = System.Text.RegularExpressions.Regex.Replace(body, $"<{tag}>([0-9])", $"<{tag}>-$1");
        }

        return body;
    }
}
