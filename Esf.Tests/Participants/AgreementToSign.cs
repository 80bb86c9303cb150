using System.Net.Http.Json;
using System.Text.Json;

namespace Esf.Tests.Participants;

/// <summary>The agreement text the gateway issues for one registration, with the single-use nonce the text carries.</summary>
public sealed record AgreementToSign(string Text, string Nonce)
{
    public static async Task<AgreementToSign> FetchAsync(HttpClient http, string kind, string iin, string tin, string name)
    {
        var view = await http.GetFromJsonAsync<JsonElement>(
            $"api/v1/participants/agreement?kind={kind}&iin={iin}&tin={tin}&name={Uri.EscapeDataString(name)}");
        return new AgreementToSign(view.GetProperty("text").GetString()!, view.GetProperty("nonce").GetString()!);
    }
}
