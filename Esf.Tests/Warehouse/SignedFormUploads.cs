using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Esf.Tests.Infrastructure;
using Esf.Tests.Rest;
using NUnit.Framework;

namespace Esf.Tests.Warehouse;

/// <summary>Signed warehouse forms as a client sends them (POST /api/v1/warehouse-forms/signed), one form per upload.</summary>
internal static class SignedFormUploads
{
    /// <summary>Uploads <paramref name="form"/> signed as given to /warehouse-forms/signed, and polls it until the worker decided it.</summary>
    public static async Task<JsonElement> UploadDecidedAsync(HttpClient http, string certificate, Func<string, string> sign, string signatureType, object form)
    {
        var id = (await UploadAsync(http, certificate, sign, signatureType, form)).GetProperty("accepted")[0].GetProperty("id").GetInt64();
        return await Poller.UntilAsync(async () => await RestClient.ReadJsonAsync(await http.GetAsync($"api/v1/warehouse-forms/{id}")),
            f => f.GetProperty("status").GetString() != "QUEUED", $"form {id} to be processed");
    }

    /// <summary>Uploads <paramref name="forms"/>, each signed as given, in one request that must accept them all; answers its JSON.</summary>
    public static async Task<JsonElement> UploadAsync(HttpClient http, string certificate, Func<string, string> sign, string signatureType, params object[] forms)
    {
        var items = forms.Select(f => JsonSerializer.Serialize(f)).Select(body => new { body, version = "VsFormV1", signature = sign(body), signatureType });
        using var response = await http.PostAsJsonAsync("api/v1/warehouse-forms/signed", new { certificate, forms = items.ToArray() });
        var json = await RestClient.ReadJsonAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), json.ToString());
        Assert.That(json.GetProperty("declined").GetArrayLength(), Is.Zero, json.ToString());
        return json;
    }
}
