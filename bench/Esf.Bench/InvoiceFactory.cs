using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Esf.Infrastructure;
using Esf.Infrastructure.Registry;
using Esf.Infrastructure.Signatures;

namespace Esf.Bench;

/// <summary>One parallel sender: a seller and its customer in the registry, the seller's head user and their RSA-2048 certificate.</summary>
public sealed record Sender(int Index, string SellerTin, string CustomerTin, string UserIin, X509Certificate2 Certificate)
{
    public const string Password = "Bench-Passw0rd";

    public string CertificateBase64 { get; } = CertificateFactory.ToBase64(Certificate);
}

/// <summary>
/// Makes the senders (straight into the registry) and realistic invoices: ~6 KB of InvoiceV2, ten product lines with Cyrillic
/// descriptions and VAT arithmetic that adds up, a unique number each, signed with the sender's key.
/// </summary>
public static class InvoiceFactory
{
    private static readonly string[] Goods =
    [
        "Бумага офисная А4, 500 листов, белизна 146%", "Картридж лазерный для принтера, чёрный", "Папка-регистратор 75 мм, синяя",
        "Ручка шариковая синяя, упаковка 50 шт.", "Степлер металлический №24/6 на 50 листов", "Кофе зерновой «Арабика», 1 кг",
        "Вода питьевая негазированная, 19 л", "Монитор 27 дюймов, IPS, 2560×1440", "Клавиатура проводная с кириллической раскладкой",
        "Доставка товара по городу Астана",
    ];

    /// <summary>The senders with their RSA-2048 certificates; <see cref="RegisterAsync"/> puts them in a database's registry.</summary>
    public static IReadOnlyList<Sender> CreateSenders(int count)
    {
        var stamp = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
        var senders = new Sender[count];
        for (var i = 0; i < count; i++)
        {
            // 12-digit ИИН/БИН: kind digit, sender index, time stamp — unique within a run and across runs of a day.
            var seller = $"91{i:D4}{stamp}";
            var user = $"93{i:D4}{stamp}";
            senders[i] = new Sender(i, seller, $"92{i:D4}{stamp}", user, CertificateFactory.Create($"БЕНЧ ОТПРАВИТЕЛЬ {i}", user, seller));
        }

        return senders;
    }

    /// <summary>Each sender's seller and customer, and the seller's head user, straight into the registry.</summary>
    public static async Task RegisterAsync(RegistryWriter registry, IEnumerable<Sender> senders, CancellationToken cancellationToken)
    {
        foreach (var sender in senders)
        {
            var i = sender.Index;
            await registry.AddTaxpayerAsync(sender.SellerTin, $"ТОО «Поставщик {i}»", "г. Астана, ул. Кенесары, 40", cancellationToken: cancellationToken);
            await registry.AddTaxpayerAsync(sender.CustomerTin, $"ТОО «Покупатель {i}»", "г. Алматы, пр. Абая, 150", cancellationToken: cancellationToken);
            await registry.AddUserAsync(sender.UserIin, Sender.Password, sender.SellerTin, "ADMIN_ENTERPRISE", "БЕНЧ", "ОТПРАВИТЕЛЬ", cancellationToken);
        }
    }

    /// <summary>
    /// Registers the bank account every body names (rule B-20: the seller's ИИК must be one of its accounts in the registry;
    /// B-21: the bank's name that of its БИК).
    /// </summary>
    public static async Task RegisterBankAccountsAsync(Npgsql.NpgsqlDataSource database, IEnumerable<Sender> senders, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""
            INSERT INTO banks (bik, name_ru) VALUES ('HSBKKZKX', 'АО «Народный Банк Казахстана»') ON CONFLICT DO NOTHING;
            INSERT INTO bank_accounts (tin, iik, bik, kbe) SELECT tin, 'KZ126010001000123456', 'HSBKKZKX', '17' FROM unnest(@Tins) AS tin
            ON CONFLICT DO NOTHING;
            """);
        command.Parameters.AddWithValue("Tins", senders.Select(s => s.SellerTin).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A second head user of <paramref name="sender"/>'s enterprise (a user has one session at a time), e.g. for a feed consumer.</summary>
    public static async Task<Sender> CreateColleagueAsync(RegistryWriter registry, Sender sender, CancellationToken cancellationToken)
    {
        var user = "94" + sender.UserIin[2..];
        await registry.AddUserAsync(user, Sender.Password, sender.SellerTin, "ADMIN_ENTERPRISE", "БЕНЧ", "ЧИТАТЕЛЬ", cancellationToken);
        // Not `with`: CertificateBase64 is computed from the certificate at construction.
        return new Sender(sender.Index, sender.SellerTin, sender.CustomerTin, user,
            CertificateFactory.Create($"БЕНЧ ЧИТАТЕЛЬ {sender.Index}", user, sender.SellerTin));
    }

    /// <summary>Builds and signs <paramref name="count"/> invoices, sender by sender in turn, on every core.</summary>
    public static SignedDocument[] CreateSigned(IReadOnlyList<Sender> senders, int count, int firstNum) => CreateSigned(senders, count, firstNum, Body);

    /// <summary>Builds with <paramref name="body"/> (number, date, sender, seed) and signs <paramref name="count"/> documents, sender by sender in turn, on every core.</summary>
    public static SignedDocument[] CreateSigned(IReadOnlyList<Sender> senders, int count, int firstNum, Func<string, string, Sender, int, string> body)
    {
        var date = KazakhstanTime.Of(DateTimeOffset.UtcNow).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
        var keys = senders.Select(s => s.Certificate.GetRSAPrivateKey()!).ToArray();
        var invoices = new SignedDocument[count];
        // RSA objects are not safe for concurrent use: one partition per sender key.
        Parallel.For(0, senders.Count, s =>
        {
            for (var i = s; i < count; i += senders.Count)
            {
                var sender = senders[s];
                var num = (firstNum + i).ToString(CultureInfo.InvariantCulture);
                var text = body(num, date, sender, i);
                invoices[i] = new SignedDocument(sender, num, text, InvoiceSignatureVerifier.Sign(text, keys[s]));
            }
        });
        foreach (var key in keys)
        {
            key.Dispose();
        }

        return invoices;
    }

    public static string Body(string num, string date, Sender sender, int seed)
    {
        var products = new StringBuilder();
        decimal totalWithout = 0, totalNds = 0;
        for (var line = 0; line < Goods.Length; line++)
        {
            var (quantity, unitPrice, without, nds) = Line(seed, line);
            totalWithout += without;
            totalNds += nds;
            products.Append(CultureInfo.InvariantCulture, $"""
                      <product>
                        <catalogTruId>1</catalogTruId>
                        <description>{Goods[line]}</description>
                        <ndsAmount>{Money(nds)}</ndsAmount>
                        <ndsRate>12</ndsRate>
                        <priceWithTax>{Money(without + nds)}</priceWithTax>
                        <priceWithoutTax>{Money(without)}</priceWithoutTax>
                        <quantity>{quantity}</quantity>
                        <truOriginCode>{(line == Goods.Length - 1 ? 6 : 5)}</truOriginCode>
                        <turnoverSize>{Money(without)}</turnoverSize>
                        <unitNomenclature>796</unitNomenclature>
                        <unitPrice>{Money(unitPrice)}</unitPrice>
                      </product>

                """);
        }

        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <v2:invoice xmlns:a="abstractInvoice.esf" xmlns:v2="v2.esf">
              <date>{date}</date>
              <invoiceType>ORDINARY_INVOICE</invoiceType>
              <num>{num}</num>
              <operatorFullname>Сейтказиева Айгерим Болатовна</operatorFullname>
              <turnoverDate>{date}</turnoverDate>
              <customers>
                <customer>
                  <address>Казахстан, г. Алматы, пр. Абая, д. 150, офис 12</address>
                  <countryCode>KZ</countryCode>
                  <name>ТОО «Покупатель {sender.Index}»</name>
                  <tin>{sender.CustomerTin}</tin>
                </customer>
              </customers>
              <deliveryTerm>
                <contractDate>01.11.2025</contractDate>
                <contractNum>Д-77/2025</contractNum>
                <hasContract>true</hasContract>
                <term>Безналичный расчёт</term>
              </deliveryTerm>
              <productSet>
                <currencyCode>KZT</currencyCode>
                <products>
            {products}    </products>
                <totalExciseAmount>0.00</totalExciseAmount>
                <totalNdsAmount>{Money(totalNds)}</totalNdsAmount>
                <totalPriceWithTax>{Money(totalWithout + totalNds)}</totalPriceWithTax>
                <totalPriceWithoutTax>{Money(totalWithout)}</totalPriceWithoutTax>
                <totalTurnoverSize>{Money(totalWithout)}</totalTurnoverSize>
              </productSet>
              <sellers>
                <seller>
                  <address>Казахстан, г. Астана, ул. Кенесары, д. 40</address>
                  <bank>АО «Народный Банк Казахстана»</bank>
                  <bik>HSBKKZKX</bik>
                  <iik>KZ126010001000123456</iik>
                  <kbe>17</kbe>
                  <name>ТОО «Поставщик {sender.Index}»</name>
                  <tin>{sender.SellerTin}</tin>
                </seller>
              </sellers>
            </v2:invoice>
            """;
    }

    /// <summary>Line <paramref name="line"/> of document <paramref name="seed"/>: quantity, unit price, amount without VAT and its 12 % VAT, varied and adding up.</summary>
    public static (int Quantity, decimal UnitPrice, decimal Without, decimal Nds) Line(int seed, int line)
    {
        var quantity = 1 + (seed + line * 7) % 40;
        var unitPrice = 150m + ((seed * 31 + line * 977) % 90_000) / 4m;
        var without = quantity * unitPrice;
        return (quantity, unitPrice, without, Math.Round(without * 0.12m, 2, MidpointRounding.AwayFromZero));
    }

    public static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
