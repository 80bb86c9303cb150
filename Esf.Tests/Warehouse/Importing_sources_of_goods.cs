using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Esf.Domain.Warehouse;
using Esf.Tests.Infrastructure;
using Esf.Tests.Rest;
using NUnit.Framework;
using static Esf.Tests.Rest.ProblemAssertions;

namespace Esf.Tests.Warehouse;

/// <summary>ДТ and ФНО 328.00 positions credit the importer's default warehouse exactly once; the global catalogue ГС ВС.</summary>
[TestFixture]
public sealed class Importing_sources_of_goods
{
    private const string Header = "number,position,importer_tin,gsvs_code,tnved_code,name,country,price,quantity,unit";

    [Test]
    public async Task Should_credit_each_declaration_position_to_the_importers_default_warehouse_exactly_once()
    {
        // Arrange
        using var importer = await WarehouseRequests.LogInAsync();
        using var stranger = await WarehouseRequests.LogInAsync();
        var central = await WarehouseRequests.CreateAsync(importer, "Центральный склад");
        var tin = importer.Tenant.SellerTin;
        var number = $"{RandomDigits(5)}/060316/{RandomDigits(7)}";
        var csv = string.Join("\n", Header,
            $"{number},1,{tin},01.11.11.01,1001110000,Пшеница 2 сорт,AR,300,630,166",
            $"{number},2,{tin},01.11.11.01,1001110000,Пшеница 2 сорт,BY,2000,200,166",
            $"{number},3,{tin},01.11.11.01,10011,Пшеница,BY,2000,86,166",
            $"{number},4,{TestTenant.UniqueTin()},01.11.11.01,1001110000,Пшеница,BY,2000,86,166");
        using var http = WarehouseGateway.Fixture.CreateClient();

        // Act
        var first = await ImportAsync(http, "dt", csv, "text/csv");
        var again = await ImportAsync(http, "dt", csv, "text/csv");

        // Assert
        var balances = await WarehouseRequests.GetJsonAsync(importer, $"api/v1/warehouses/{central.Id()}/balances");
        var declarations = await WarehouseRequests.GetJsonAsync(importer, "api/v1/goods-sources/dt");
        var strangers = await WarehouseRequests.GetJsonAsync(stranger, "api/v1/goods-sources/dt");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.GetProperty("credited").GetInt32(), Is.EqualTo(2));
            Assert.That(first.GetProperty("rejected").EnumerateArray().Select(r => r.GetProperty("line").GetInt32()), Is.EqualTo(new[] { 4, 5 }));
            Assert.That(first.GetProperty("rejected")[0].GetProperty("reason").GetString(), Does.Contain("tnved_code"));
            Assert.That(first.GetProperty("rejected")[1].GetProperty("reason").GetString(), Does.StartWith(WarehouseRules.ImporterMustHaveDefaultWarehouse.Id));
            Assert.That(again.GetProperty("credited").GetInt32(), Is.Zero, "a repeated import credits nothing");
            Assert.That(again.GetProperty("alreadyCredited").GetInt32(), Is.EqualTo(2));
            Assert.That(balances.EnumerateArray().Select(b => b.GetProperty("quantity").GetDecimal()), Is.EqualTo(new[] { 630m, 200m }));
            Assert.That(balances[0].GetProperty("sourceKind").GetString(), Is.EqualTo("DT"));
            Assert.That(balances[0].GetProperty("sourcePosition").GetInt32(), Is.EqualTo(1));
            Assert.That(declarations.EnumerateArray().Select(d => d.GetProperty("warehouseId").GetInt64()), Is.All.EqualTo(central.Id()));
            Assert.That(strangers.GetArrayLength(), Is.Zero, "another enterprise sees none of them");
        }
    }

    [Test]
    public async Task Should_import_application_positions_as_json_with_the_catalogue_name_and_find_them_in_the_catalogue()
    {
        // Arrange
        using var importer = await WarehouseRequests.LogInAsync();
        var warehouse = await WarehouseRequests.CreateAsync(importer, "Склад");
        var code = $"99.{RandomDigits(2)}.{RandomDigits(2)}.{RandomDigits(2)}";
        using var http = WarehouseGateway.Fixture.CreateClient();
        using var catalogue = await SendAdminAsync(http, "api/v1/admin/registry/gsvs", $"code,name_ru,tnved_code\n{code},Ячмень пивоваренный {code},1003900000", "text/csv");
        var positions = JsonSerializer.Serialize(new[]
        {
            new { number = $"FNO-{RandomDigits(8)}", position = 1, importerTin = importer.Tenant.SellerTin, gsvsCode = code, tnvedCode = "1003900000",
                name = "Ячмень", country = "RU", price = 150.5m, quantity = 12.5m, unit = "166" },
        });

        // Act
        var report = await ImportAsync(http, "fno-328", positions, "application/json");
        var byCode = await WarehouseRequests.GetJsonAsync(importer, $"api/v1/gsvs?code={code}");
        var byName = await WarehouseRequests.GetJsonAsync(importer, $"api/v1/gsvs?name={Uri.EscapeDataString($"пивоваренный {code}")}");

        // Assert
        var line = (await WarehouseRequests.GetJsonAsync(importer, $"api/v1/warehouses/{warehouse.Id()}/balances"))[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(catalogue.StatusCode, Is.EqualTo(HttpStatusCode.OK), await catalogue.Content.ReadAsStringAsync());
            Assert.That(report.GetProperty("credited").GetInt32(), Is.EqualTo(1), report.ToString());
            Assert.That(line.GetProperty("sourceKind").GetString(), Is.EqualTo("FNO_328"));
            Assert.That(line.GetProperty("quantity").GetDecimal(), Is.EqualTo(12.5m));
            Assert.That(line.GetProperty("gsvsName").GetString(), Is.EqualTo($"Ячмень пивоваренный {code}"));
            Assert.That(byCode.EnumerateArray().Select(e => e.GetProperty("code").GetString()), Is.EqualTo(new[] { code }));
            Assert.That(byName.EnumerateArray().Select(e => e.GetProperty("code").GetString()), Is.EqualTo(new[] { code }));
        }
    }

    [Test]
    public async Task Should_refuse_an_import_without_the_admin_key()
    {
        // Arrange
        using var http = WarehouseGateway.Fixture.CreateClient();

        // Act
        using var response = await http.PostAsync("api/v1/admin/goods-sources/dt", new StringContent(Header, Encoding.UTF8, "text/csv"));

        // Assert
        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    private static async Task<JsonElement> ImportAsync(HttpClient http, string kind, string body, string mediaType)
    {
        using var response = await SendAdminAsync(http, $"api/v1/admin/goods-sources/{kind}", body, mediaType);
        var json = await RestClient.ReadJsonAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), json.ToString());
        return json;
    }

    private static Task<HttpResponseMessage> SendAdminAsync(HttpClient http, string path, string body, string mediaType)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
        request.Headers.Add("X-Admin-Key", WarehouseGateway.AdminKey);
        return http.SendAsync(request);
    }

    private static string RandomDigits(int count) => string.Concat(Enumerable.Range(0, count).Select(_ => (char)('0' + Random.Shared.Next(10))));
}
