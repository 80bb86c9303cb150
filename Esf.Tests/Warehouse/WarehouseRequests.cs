using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Esf.Tests.Rest;
using NUnit.Framework;

namespace Esf.Tests.Warehouse;

/// <summary>The REST calls of the warehouse scenarios, in raw JSON so that the wire format itself is checked.</summary>
public static class WarehouseRequests
{
    /// <summary>A warehouse body as the form «Создание виртуального склада» fills it.</summary>
    public static object Body(string name, string type = "WAREHOUSE", long? parentId = null, string responsibleTin = "123456789021") =>
        new { name, parentId, location = "Адрес 7", type, responsibleTin, inheritable = false };

    /// <summary>Creates a warehouse that must be accepted and answers its JSON.</summary>
    public static Task<JsonElement> CreateAsync(RestClient client, string name, long? parentId = null) => CreateAsync(client.Http, name, parentId);

    /// <summary>Creates a warehouse over a session's own client (e.g. a <see cref="Participants.Workplace"/>'s head) and answers its JSON.</summary>
    public static async Task<JsonElement> CreateAsync(HttpClient http, string name, long? parentId = null)
    {
        using var response = await http.PostAsJsonAsync("api/v1/warehouses", Body(name, parentId: parentId));
        var json = await RestClient.ReadJsonAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), json.ToString());
        return json;
    }

    public static async Task<JsonElement> GetJsonAsync(RestClient client, string path)
    {
        using var response = await client.Http.GetAsync(path);
        var json = await RestClient.ReadJsonAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), json.ToString());
        return json;
    }

    /// <summary>A client of a fresh tenant logged in over REST to <see cref="WarehouseGateway"/>.</summary>
    public static Task<RestClient> LogInAsync() => RestClient.LogInAsync(WarehouseGateway.Fixture);

    public static long Id(this JsonElement json) => json.GetProperty("id").GetInt64();
}
