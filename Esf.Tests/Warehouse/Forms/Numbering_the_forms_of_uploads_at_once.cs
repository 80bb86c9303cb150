using System.Text.Json;
using Esf.Tests.Infrastructure;
using Esf.Tests.Rest;
using NUnit.Framework;

namespace Esf.Tests.Warehouse;

/// <summary>
/// The ids an upload of signed forms answers are the ids its own forms were stored under, in request order, however many uploads of
/// the enterprise run at once: each accepted item's id opens the form its own body describes (its number).
/// </summary>
[TestFixture]
public sealed class Numbering_the_forms_of_uploads_at_once
{
    private const int FormsPerUpload = 12;

    [Test]
    public async Task Should_answer_each_accepted_form_of_two_concurrent_uploads_with_the_id_of_its_own_body()
    {
        // Arrange: two uploads of the same enterprise, their forms numbered apart.
        using var client = await WarehouseRequests.LogInAsync();
        var warehouse = (await WarehouseRequests.CreateAsync(client, "Склад")).Id();
        var numbers = Enumerable.Range(0, 2).Select(_ => Enumerable.Range(0, FormsPerUpload).Select(_ => TestTenant.UniqueNum()).ToArray()).ToArray();

        // Act
        var answers = await Task.WhenAll(numbers.Select(upload => SignedFormUploads.UploadAsync(client.Http, client.Tenant.CertificateBase64,
            client.Tenant.Sign, "COMPANY", [.. upload.Select(number => WarehouseFormBodies.Remains(warehouse, number))])));

        // Assert: every accepted item, by its index in its own request, against the form stored under its id.
        var expected = new List<string>();
        var stored = new List<string>();
        for (var upload = 0; upload < answers.Length; upload++)
        {
            foreach (var item in answers[upload].GetProperty("accepted").EnumerateArray())
            {
                expected.Add(numbers[upload][item.GetProperty("index").GetInt32()]);
                var form = await WarehouseRequests.GetJsonAsync(client, $"api/v1/warehouse-forms/{item.Id()}");
                stored.Add(form.GetProperty("number").GetString()!);
            }
        }

        Assert.That(expected, Has.Count.EqualTo(2 * FormsPerUpload), string.Join<JsonElement>("\n", answers));
        Assert.That(stored, Is.EqualTo(expected));
    }
}
