using System.Net;
using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Rest;

[TestFixture]
public sealed class Reading_invoices_over_rest
{
    [TestCase("", TestName = "Should_answer_404_problem_for_an_unknown_invoice")]
    [TestCase("/status", TestName = "Should_answer_404_problem_for_the_status_of_an_unknown_invoice")]
    [TestCase("/history", TestName = "Should_answer_404_problem_for_the_history_of_an_unknown_invoice")]
    public async Task Should_answer_404_problem_for_an_unknown_id(string resource)
    {
        // Arrange
        using var client = await RestClient.LogInAsync();

        // Act
        using var response = await client.Http.GetAsync($"api/v1/invoices/{long.MaxValue}{resource}");

        // Assert
        var problem = await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain(long.MaxValue.ToString()));
    }

    [Test]
    public async Task Should_answer_404_problem_for_an_invoice_of_another_enterprise()
    {
        // Arrange
        using var owner = await RestClient.LogInAsync();
        var id = (await owner.UploadAcceptedAsync(TestInvoices.Build(owner.Tenant))).Single();
        using var stranger = await RestClient.LogInAsync();

        // Act
        using var response = await stranger.Http.GetAsync($"api/v1/invoices/{id}");

        // Assert
        await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }
}
