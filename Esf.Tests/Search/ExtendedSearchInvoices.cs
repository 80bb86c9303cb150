using System.Globalization;
using Dapper;
using Esf.Tests.Infrastructure;
using Npgsql;

namespace Esf.Tests.Search;

/// <summary>
/// Three registered invoices of one tenant, written directly in SQL (the pipeline is not under test), whose bodies carry the
/// Table 30/31 fields kept only in the body. For field number <c>f</c>, invoice <c>i</c> holds the <c>(i + f) % 3</c>-th of
/// three ascending values, so every sort puts the three in a different order.
/// </summary>
internal static class ExtendedSearchInvoices
{
    public static readonly DateOnly Day = new(2026, 10, 5);

    /// <summary>Sort name, then its three values in ascending order.</summary>
    public static readonly (string Sort, string[] Values)[] Fields =
    [
        ("sellerStatus", ["COMMITTENT", "EXPORTER", "LESSOR"]),
        ("sellerBik", ["AAAAKZKA", "BBBBKZKA", "CCCCKZKA"]),
        ("customerStatus", ["BROKER", "LESSEE", "PUBLIC_OFFICE"]),
        ("consignorName", ["A Consignor", "B Consignor", "C Consignor"]),
        ("consignorTin", ["100000000001", "200000000002", "300000000003"]),
        ("consigneeName", ["A Consignee", "B Consignee", "C Consignee"]),
        ("consigneeTin", ["100000000011", "200000000022", "300000000033"]),
        ("iik", ["KZ010000000000000001", "KZ020000000000000002", "KZ030000000000000003"]),
        ("productCode", ["P1", "P2", "P3"]),
        ("payPurpose", ["A purpose", "B purpose", "C purpose"]),
    ];

    public static string Num(int invoice) => $"X{invoice + 1}";

    public static string Value(string sort, int invoice)
    {
        var field = Array.FindIndex(Fields, f => f.Sort == sort);
        return Fields[field].Values[(invoice + field) % 3];
    }

    /// <summary>The nums in the order the sort <paramref name="sort"/> ascending must give.</summary>
    public static string[] AscendingNums(string sort) => [.. Enumerable.Range(0, 3).OrderBy(i => Value(sort, i), StringComparer.Ordinal).Select(Num)];

    public static async Task InsertAsync(GatewayFixture fixture, TestTenant tenant)
    {
        var date = Day.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
        await using var connection = await fixture.Get<NpgsqlDataSource>().OpenConnectionAsync();
        var uploadId = await connection.ExecuteScalarAsync<long>("""
            INSERT INTO uploads (session_id, tin, login, channel, item_count, accepted_count) VALUES ('generated', @Tin, @Login, 'REST', 3, 3)
            RETURNING upload_id
            """, new { Tin = tenant.SellerTin, Login = tenant.UserIin });
        for (var i = 0; i < 3; i++)
        {
            await connection.ExecuteAsync("""
                INSERT INTO invoices (upload_id, registration_number, status, num, invoice_date, date_text, turnover_date, invoice_type, seller_tin,
                                      customer_tin, sender_tin, sender_login, body, signature, signature_type, signature_valid, certificate_id, version, hash)
                VALUES (@Upload, 'ESF-' || @Tin || '-' || @Num, 'CREATED', @Num, @Date, @DateText, @Date, 'ORDINARY_INVOICE', @Tin, @Customer, @Tin,
                        @Login, @Body, 'generated', 'COMPANY', true, (SELECT certificate_id_of('generated')), 'InvoiceV2', md5(@Num))
                """, new
            {
                Upload = uploadId, Tin = tenant.SellerTin, Customer = tenant.CustomerTin, Login = tenant.UserIin, Num = Num(i),
                Date = Day.ToDateTime(TimeOnly.MinValue), DateText = date, Body = Body(TestInvoices.Build(Num(i), date, tenant.SellerTin, tenant.CustomerTin), i),
            });
        }
    }

    private static string Body(string body, int i) => body
        .Replace("</seller>", $"<bik>{Value("sellerBik", i)}</bik><statuses><status>{Value("sellerStatus", i)}</status></statuses></seller>", StringComparison.Ordinal)
        .Replace("</customer>", $"<statuses><status>{Value("customerStatus", i)}</status></statuses></customer>", StringComparison.Ordinal)
        .Replace("</v2:invoice>", $"""
            <consignor><name>{Value("consignorName", i)}</name><tin>{Value("consignorTin", i)}</tin></consignor>
            <consignee><name>{Value("consigneeName", i)}</name><tin>{Value("consigneeTin", i)}</tin></consignee>
            <publicOffice><bik>KKMFKZ2A</bik><iik>{Value("iik", i)}</iik><payPurpose>{Value("payPurpose", i)}</payPurpose>
            <productCode>{Value("productCode", i)}</productCode></publicOffice>
            </v2:invoice>
            """, StringComparison.Ordinal);
}
