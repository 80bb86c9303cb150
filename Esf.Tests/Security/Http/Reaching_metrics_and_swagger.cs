using System.Net;
using NUnit.Framework;

namespace Esf.Tests.Security.Http;

[TestFixture]
public sealed class Reaching_metrics_and_swagger
{
    private const string Area = "HTTP limits";

    [TestCase("metrics")]
    [TestCase("METRICS")]
    [TestCase("metrics/")]
    [TestCase("Metrics/?x=1")]
    public async Task Should_hide_metrics_from_clients_outside_the_allowed_networks(string path)
    {
        // Arrange
        using var outsider = HttpGateway.Fixture.CreateClient();
        using var scraper = HttpGateway.Fixture.CreateClientFrom(HttpGateway.MetricsScraper);

        // Act
        using var refused = await outsider.GetAsync(path);
        using var served = await scraper.GetAsync(path);

        // Assert
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(served.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        AttackLog.Record(Area, $"Read /{path} from outside Esf:Metrics:AllowedNetworks", "404; the configured scraper gets the metrics");
    }

    [Test]
    public async Task Should_not_serve_the_swagger_ui_outside_development()
    {
        // Arrange
        using var http = HttpGateway.Fixture.CreateClient();

        // Act
        using var ui = await http.GetAsync("swagger/index.html");
        using var document = await http.GetAsync("swagger/v1/swagger.json");

        // Assert
        Assert.That(ui.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "no Swagger UI in Production unless Esf:Http:SwaggerUi=true");
        Assert.That(document.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the contract itself stays published");
        AttackLog.Record(Area, "Browse the Swagger UI of a production gateway", "404 (Esf:Http:SwaggerUi is off); the OpenAPI document stays served");
    }
}
