using System.Net;
using System.Text.Json;
using Dapper;
using Esf.Domain.Warehouse;
using Esf.Infrastructure.Registration;
using Esf.Infrastructure.Warehouse;
using Esf.Tests.Infrastructure;
using Esf.Tests.Participants;
using Esf.Tests.Rest;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Warehouse;

/// <summary>
/// A signed form's OPERATOR signer is judged when the form is decided, not when it is uploaded (VS-50,
/// <see cref="WarehouseFormRules.SignerMustSignForSender"/>): a person blocked, whose SIGN was withdrawn, or whose SIGN ended before the
/// verdict's day, between the upload and the verdict, no longer signs for the sender — the form ends Ошибочный (ERROR) and moves no goods.
/// The gateway-only host has no consumer: each test decides the upload with a worker whose clock it sets.
/// </summary>
[TestFixture]
public sealed class Judging_the_signer_at_the_verdict : WorkerlessGateway
{
    /// <summary>What happens to the signer between the upload and the verdict.</summary>
    public enum Meanwhile
    {
        Nothing,
        Blocked,
        SignWithdrawn,
        SignTermEnded,
    }

    [TestCase(Meanwhile.Nothing, TestName = "Should_process_a_form_whose_signer_still_holds_sign_on_the_verdict_day")]
    public async Task Should_process_a_form_whose_signer_still_may_sign(Meanwhile meanwhile)
    {
        var (form, balances) = await UploadThenDecideAsync(meanwhile);

        Assert.That(form.GetProperty("status").GetString(), Is.EqualTo("PROCESSED"), form.ToString());
        Assert.That(balances, Is.EqualTo(1), "the form credited its line");
    }

    [TestCase(Meanwhile.Blocked, TestName = "Should_refuse_with_VS_50_a_form_whose_signer_was_blocked_after_the_upload")]
    [TestCase(Meanwhile.SignWithdrawn, TestName = "Should_refuse_with_VS_50_a_form_whose_signers_sign_was_withdrawn_after_the_upload")]
    [TestCase(Meanwhile.SignTermEnded, TestName = "Should_refuse_with_VS_50_a_form_whose_signers_sign_ended_before_the_verdict_day")]
    public async Task Should_refuse_a_form_whose_signer_lost_sign_before_the_verdict(Meanwhile meanwhile)
    {
        var (form, balances) = await UploadThenDecideAsync(meanwhile);

        Assert.That(form.GetProperty("status").GetString(), Is.EqualTo("ERROR"), form.ToString());
        Assert.That(form.GetProperty("errorReason").GetString(), Does.StartWith($"VS-50: {WarehouseFormRules.SignerMustSignForSender.MessageRu}"));
        Assert.That(form.GetProperty("errorCode").GetString(), Is.EqualTo("UFORM_SENDER_NOT_VALID"));
        Assert.That(balances, Is.Zero, "a refused form moves nothing");
    }

    /// <returns>The decided form and the number of balance lines of its warehouse.</returns>
    private async Task<(JsonElement Form, int Balances)> UploadThenDecideAsync(Meanwhile meanwhile)
    {
        // Arrange: an employee holding SIGN (until today only, for the term's case) signs a form with its own key (OPERATOR).
        using var workplace = await Workplace.OpenAsync(Gateway);
        var warehouse = await WarehouseRequests.CreateAsync(workplace.HeadHttp, "Склад");
        using var signer = await workplace.EnrolAsync();
        using (var granted = await Workplace.GrantAsync(workplace.HeadHttp, signer.Iin, "SIGN", Workplace.Today,
                   meanwhile == Meanwhile.SignTermEnded ? Workplace.Today : null))
        {
            Assert.That(granted.StatusCode, Is.EqualTo(HttpStatusCode.OK), await granted.Content.ReadAsStringAsync());
        }

        var formId = (await SignedFormUploads.UploadAsync(workplace.HeadHttp, signer.CertificateBase64, signer.Sign, "OPERATOR",
            WarehouseFormBodies.Remains(warehouse.Id(), TestTenant.UniqueNum()))).GetProperty("accepted")[0].GetProperty("id").GetInt64();

        // Act: the change, then the verdict (the next day for the term's case).
        using (var changed = await ChangeAsync(workplace.HeadHttp, signer.Iin, meanwhile))
        {
            Assert.That(changed?.IsSuccessStatusCode ?? true, Is.True, changed is null ? "" : await changed.Content.ReadAsStringAsync());
        }

        var day = meanwhile == Meanwhile.SignTermEnded ? Workplace.Today.AddDays(1) : Workplace.Today;
        await WorkerAt(day).ProcessAsync((await PlainFormUploads.OfAsync(formId)).UploadId, CancellationToken.None);

        using var form = await workplace.HeadHttp.GetAsync($"api/v1/warehouse-forms/{formId}");
        using var balances = await workplace.HeadHttp.GetAsync($"api/v1/warehouses/{warehouse.Id()}/balances");
        return (await RestClient.ReadJsonAsync(form), (await RestClient.ReadJsonAsync(balances)).GetArrayLength());
    }

    private static async Task<HttpResponseMessage?> ChangeAsync(HttpClient head, string iin, Meanwhile meanwhile) => meanwhile switch
    {
        Meanwhile.Blocked => await head.PutAsync($"api/v1/employees/{iin}/block", null),
        Meanwhile.SignWithdrawn => await head.DeleteAsync($"api/v1/employees/{iin}/rights/SIGN"),
        _ => null,
    };

    /// <summary>The worker's registrar with a form processor whose clock stands at noon of <paramref name="day"/> in Kazakhstan.</summary>
    private InvoiceRegistrar WorkerAt(DateOnly day) => ActivatorUtilities.CreateInstance<InvoiceRegistrar>(Gateway.Services,
        ActivatorUtilities.CreateInstance<WarehouseFormProcessor>(Gateway.Services, (TimeProvider)ControlledClock.At(day)));
}
