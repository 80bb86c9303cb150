using System.Net;
using System.Text;
using System.Text.Json;
using Dapper;
using Esf.Tests.Infrastructure;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Registry;

[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class Importing_registries_from_csv
{
    internal static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string registry, string csv, string? key = RegistryGateway.AdminKey)
    {
        using var http = RegistryGateway.Fixture.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/v1/admin/registry/{registry}")
        {
            Content = new StringContent(csv, Encoding.UTF8, "text/csv"),
        };
        if (key is not null)
        {
            request.Headers.Add("X-Admin-Key", key);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    [Test]
    public async Task Should_import_the_good_lines_and_report_the_bad_ones_by_line_number()
    {
        var (a, b) = (TestTenant.UniqueTin(), TestTenant.UniqueTin());
        var csv = $"tin,name_ru,vat_registered_on,is_lawyer\n{a},\"ТОО «Кавычки, запятая»\",2021-03-01,true\n{b},ТОО Б,not-a-date,false\n" +
            $",Без БИН,,\n{b}1234567890123,Слишком длинный,,\n{b},ТОО Б,01.02.2022,0\n";

        var (status, body) = await PostAsync("taxpayers", csv);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body.ToString());
        Assert.That(body.GetProperty("imported").GetInt32(), Is.EqualTo(2));
        var rejected = body.GetProperty("rejected").EnumerateArray().Select(r => r.GetProperty("line").GetInt32()).ToList();
        Assert.That(rejected, Is.EqualTo(new[] { 3, 4, 5 }));
        await using var connection = await RegistryGateway.Fixture.Get<NpgsqlDataSource>().OpenConnectionAsync();
        var name = await connection.QuerySingleAsync<string>("SELECT name_ru FROM taxpayers WHERE tin = @A", new { A = a });
        Assert.That(name, Is.EqualTo("ТОО «Кавычки, запятая»"));
    }

    [Test]
    public async Task Should_change_nothing_when_the_same_file_is_imported_twice()
    {
        var code = "Z" + TestTenant.UniqueTin()[..8];
        var csv = $"code,name_ru\n{code},Единица\n";

        var first = await PostAsync("units", csv);
        var second = await PostAsync("units", csv);

        Assert.That(first.Body.GetProperty("imported").GetInt32(), Is.EqualTo(1));
        Assert.That(second.Body.GetProperty("imported").GetInt32(), Is.EqualTo(1));
        await using var connection = await RegistryGateway.Fixture.Get<NpgsqlDataSource>().OpenConnectionAsync();
        Assert.That(await connection.QuerySingleAsync<int>("SELECT count(*) FROM units WHERE code = @Code", new { Code = code }), Is.EqualTo(1));
    }

    [Test]
    public async Task Should_reject_a_header_with_unknown_or_missing_columns_as_line_1()
    {
        var (status, body) = await PostAsync("units", "code,colour\nX1,red\n");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body.GetProperty("imported").GetInt32(), Is.Zero);
        Assert.That(body.GetProperty("rejected")[0].GetProperty("line").GetInt32(), Is.EqualTo(1));
        Assert.That(body.GetProperty("rejected")[0].GetProperty("reason").GetString(), Does.Contain("colour").And.Contain("name_ru"));
    }

    [Test]
    public async Task Should_answer_400_naming_a_column_the_header_repeats()
    {
        // L10: the repeated column reached CREATE TEMP TABLE … SELECT code, name_ru, code and answered 500.
        var (status, body) = await PostAsync("units", "code,name_ru, code\nX1,Единица,X1\n");

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), body.ToString());
        Assert.That(body.GetProperty("errorCode").GetString(), Is.EqualTo("FIELD_INVALID"));
        Assert.That(body.GetProperty("detail").GetString(), Does.Contain("«code»"));
    }

    [Test]
    public async Task Should_refuse_an_import_without_the_admin_key()
    {
        var (status, body) = await PostAsync("units", "code,name_ru\nX,Y\n", key: "wrong");

        Assert.That(status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(body.GetProperty("errorCode").GetString(), Is.EqualTo("ACCESS_DENIED"));
    }

    [TestCase(RegistryGateway.AdminKey + "x")]
    [TestCase("test-admin-key-of-at-least-32-characte")]
    [TestCase("")]
    public async Task Should_refuse_an_admin_key_that_differs_even_by_its_length(string key)
    {
        var (status, _) = await PostAsync("units", "code,name_ru\nX,Y\n", key: key);

        Assert.That(status, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Should_answer_404_for_an_unknown_registry()
    {
        var (status, body) = await PostAsync("planets", "code\nX\n");

        Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(body.GetProperty("detail").GetString(), Does.Contain("planets"));
    }
}
