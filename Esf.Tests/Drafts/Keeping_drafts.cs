using System.Net;
using System.Text.Json;
using Esf.Tests.Infrastructure;
using Esf.Tests.Registry;
using NUnit.Framework;

namespace Esf.Tests.Drafts;

/// <summary>Issue 14 item 1: drafts («Черновик») are saved unsigned and incomplete, edited, checked, sent once, and seen only by their enterprise.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class Keeping_drafts
{
    private const string Incomplete = """<v2:invoice xmlns:v2="v2.esf"><num>17</num></v2:invoice>""";

    [Test]
    public async Task Should_save_edit_read_list_and_delete_an_incomplete_draft()
    {
        using var client = await RegistryHttp.LogInAsync(DraftsGateway.Fixture);
        var complete = TestInvoices.Build(client.Tenant);

        var (saved, draft) = await client.PostAsync("api/v1/drafts", new { body = Incomplete });
        var id = draft.GetProperty("id").GetInt64();
        var (edited, edit) = await client.SendAsync(HttpMethod.Put, $"api/v1/drafts/{id}", new { body = complete });
        var (_, read) = await client.SendAsync(HttpMethod.Get, $"api/v1/drafts/{id}");
        var (_, list) = await client.SendAsync(HttpMethod.Get, "api/v1/drafts");
        var (deleted, _) = await client.SendAsync(HttpMethod.Delete, $"api/v1/drafts/{id}");
        var (gone, problem) = await client.SendAsync(HttpMethod.Get, $"api/v1/drafts/{id}");

        Assert.That(saved, Is.EqualTo(HttpStatusCode.Created), draft.ToString());
        Assert.That(draft.GetProperty("status").GetString(), Is.EqualTo("DRAFT"));
        Assert.That(edited, Is.EqualTo(HttpStatusCode.OK), edit.ToString());
        Assert.That(read!.Value.GetProperty("body").GetString(), Is.EqualTo(complete));
        Assert.That(read.Value.GetProperty("customerTin").GetString(), Is.EqualTo(client.Tenant.CustomerTin));
        Assert.That(Ids(list!.Value), Is.EqualTo(new[] { id }));
        Assert.That(deleted, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(gone, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(problem!.Value.GetProperty("errorCode").GetString(), Is.EqualTo("DRAFT_NOT_FOUND"));
    }

    [Test]
    public async Task Should_answer_every_violation_of_the_whole_control()
    {
        using var client = await RegistryHttp.LogInAsync(DraftsGateway.Fixture);
        var broken = TestInvoices.Build(client.Tenant)
            .Replace($"<tin>{client.Tenant.CustomerTin}</tin>", "<tin>999999999999</tin>", StringComparison.Ordinal)
            .Replace("<ndsAmount>1800.00</ndsAmount>", "<ndsAmount>1000.00</ndsAmount>", StringComparison.Ordinal);
        var id = await SaveAsync(client, broken);

        var (status, result) = await client.PostAsync($"api/v1/drafts/{id}/validate", new { });

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), result.ToString());
        Assert.That(result.GetProperty("valid").GetBoolean(), Is.False);
        var rules = result.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("ruleId").GetString()).ToList();
        Assert.That(rules, Is.SupersetOf(new[] { "C-02", "G-43" }), "a registry rule and a document rule, both answered");
    }

    [Test]
    public async Task Should_register_a_sent_draft_exactly_once()
    {
        using var client = await RegistryHttp.LogInAsync(DraftsGateway.Fixture);
        var body = TestInvoices.Build(client.Tenant);
        var id = await SaveAsync(client, body);
        var send = new { certificate = client.Tenant.CertificateBase64, signature = client.Tenant.Sign(body) };

        var (first, upload) = await client.PostAsync($"api/v1/drafts/{id}/send", send);
        var (again, repeat) = await client.PostAsync($"api/v1/drafts/{id}/send", send);
        var invoiceId = upload.GetProperty("accepted")[0].GetProperty("id").GetInt64();
        var verdict = await client.VerdictAsync(invoiceId);
        var (_, draft) = await client.SendAsync(HttpMethod.Get, $"api/v1/drafts/{id}");
        var (edited, refusal) = await client.SendAsync(HttpMethod.Put, $"api/v1/drafts/{id}", new { body });
        var (_, list) = await client.SendAsync(HttpMethod.Get, "api/v1/drafts");

        Assert.That(first, Is.EqualTo(HttpStatusCode.Accepted), upload.ToString());
        Assert.That(again, Is.EqualTo(HttpStatusCode.Accepted), repeat.ToString());
        Assert.That(repeat.GetProperty("accepted")[0].GetProperty("id").GetInt64(), Is.EqualTo(invoiceId), "the same invoice, not a second upload");
        Assert.That(repeat.GetProperty("uploadId").GetInt64(), Is.EqualTo(upload.GetProperty("uploadId").GetInt64()));
        Assert.That(verdict.GetProperty("status").GetString(), Is.EqualTo("CREATED"), verdict.ToString());
        Assert.That(draft!.Value.GetProperty("status").GetString(), Is.EqualTo("SENT"));
        Assert.That(draft.Value.GetProperty("invoiceId").GetInt64(), Is.EqualTo(invoiceId));
        Assert.That(edited, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(refusal!.Value.GetProperty("errorCode").GetString(), Is.EqualTo("DRAFT_ALREADY_SENT"));
        Assert.That(Ids(list!.Value), Does.Not.Contain(id), "a sent draft is an invoice now");
    }

    [Test]
    public async Task Should_make_one_invoice_of_a_draft_sent_twice_at_once()
    {
        using var client = await RegistryHttp.LogInAsync(DraftsGateway.Fixture);
        var body = TestInvoices.Build(client.Tenant);
        var id = await SaveAsync(client, body);
        var send = new { certificate = client.Tenant.CertificateBase64, signature = client.Tenant.Sign(body) };

        var answers = await Task.WhenAll(client.PostAsync($"api/v1/drafts/{id}/send", send), client.PostAsync($"api/v1/drafts/{id}/send", send));

        Assert.That(answers.Select(a => a.Status), Is.All.EqualTo(HttpStatusCode.Accepted), string.Join(" ", answers.Select(a => a.Body)));
        Assert.That(answers.Select(a => a.Body.GetProperty("accepted")[0].GetProperty("id").GetInt64()).Distinct().Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task Should_keep_a_draft_whose_signature_is_refused()
    {
        using var client = await RegistryHttp.LogInAsync(DraftsGateway.Fixture);
        var body = TestInvoices.Build(client.Tenant);
        var id = await SaveAsync(client, body);

        var (status, upload) = await client.PostAsync($"api/v1/drafts/{id}/send",
            new { certificate = client.Tenant.CertificateBase64, signature = "not base64!" });
        var (_, draft) = await client.SendAsync(HttpMethod.Get, $"api/v1/drafts/{id}");

        Assert.That(status, Is.EqualTo(HttpStatusCode.Accepted), upload.ToString());
        Assert.That(upload.GetProperty("accepted").GetArrayLength(), Is.Zero);
        Assert.That(upload.GetProperty("declined")[0].GetProperty("errors").GetArrayLength(), Is.Positive);
        Assert.That(draft!.Value.GetProperty("status").GetString(), Is.EqualTo("DRAFT"), "nothing stored: the draft stays editable");
    }

    [Test]
    public async Task Should_answer_another_enterprise_as_if_the_draft_did_not_exist()
    {
        using var author = await RegistryHttp.LogInAsync(DraftsGateway.Fixture);
        using var other = await RegistryHttp.LogInAsync(DraftsGateway.Fixture);
        var body = TestInvoices.Build(author.Tenant);
        var id = await SaveAsync(author, body);

        var answers = new[]
        {
            await other.SendAsync(HttpMethod.Get, $"api/v1/drafts/{id}"),
            await other.SendAsync(HttpMethod.Put, $"api/v1/drafts/{id}", new { body }),
            await other.SendAsync(HttpMethod.Post, $"api/v1/drafts/{id}/validate", new { }),
            await other.SendAsync(HttpMethod.Post, $"api/v1/drafts/{id}/send", new { certificate = other.Tenant.CertificateBase64, signature = other.Tenant.Sign(body) }),
            await other.SendAsync(HttpMethod.Delete, $"api/v1/drafts/{id}"),
        };
        var (_, list) = await other.SendAsync(HttpMethod.Get, "api/v1/drafts");
        var (_, mine) = await author.SendAsync(HttpMethod.Get, $"api/v1/drafts/{id}");

        Assert.That(answers.Select(a => a.Status), Is.All.EqualTo(HttpStatusCode.NotFound));
        Assert.That(answers.Select(a => a.Body!.Value.GetProperty("errorCode").GetString()), Is.All.EqualTo("DRAFT_NOT_FOUND"));
        Assert.That(Ids(list!.Value), Is.Empty);
        Assert.That(mine!.Value.GetProperty("status").GetString(), Is.EqualTo("DRAFT"), "untouched by the other enterprise");
    }

    private static async Task<long> SaveAsync(RegistryHttp client, string body)
    {
        var (status, draft) = await client.PostAsync("api/v1/drafts", new { body });
        Assert.That(status, Is.EqualTo(HttpStatusCode.Created), draft.ToString());
        return draft.GetProperty("id").GetInt64();
    }

    private static IEnumerable<long> Ids(JsonElement page) => page.GetProperty("drafts").EnumerateArray().Select(d => d.GetProperty("id").GetInt64());
}
