using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Esf.Tests.Infrastructure;

namespace Esf.Tests.Security.Journal;

/// <summary>A browser-like HTTP client of the journal: keeps cookies, does not follow redirects, reads the forms' anti-forgery token.</summary>
public sealed partial class JournalClient : IDisposable
{
    private readonly HttpClientHandler handler = new() { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };

    public JournalClient(GatewayFixture fixture) => Http = new HttpClient(handler) { BaseAddress = fixture.BaseAddress };

    public HttpClient Http { get; }

    public CookieCollection Cookies => handler.CookieContainer.GetAllCookies();

    /// <summary>The anti-forgery token of the forms on <paramref name="path"/> (also sets the token's cookie).</summary>
    public async Task<string> TokenAsync(string path = "journal/login") => Token().Match(await Http.GetStringAsync(path)).Groups[1].Value;

    /// <summary>Posts the password-and-certificate login form; <paramref name="token"/> null leaves the token out.</summary>
    public Task<HttpResponseMessage> LogInAsync(TestTenant tenant, string? token)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(tenant.SellerTin), "tin" },
            { new StringContent(tenant.UserIin), "login" },
            { new StringContent(tenant.Password), "password" },
        };
        var certificate = new ByteArrayContent(tenant.Certificate.RawData);
        certificate.Headers.ContentType = new MediaTypeHeaderValue("application/pkix-cert");
        form.Add(certificate, "certificate", "user.cer");
        if (token is not null)
        {
            form.Add(new StringContent(token), "__af");
        }

        return Http.PostAsync("journal/login", form);
    }

    public void Dispose()
    {
        Http.Dispose();
        handler.Dispose();
    }

    [GeneratedRegex("name=\"__af\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
