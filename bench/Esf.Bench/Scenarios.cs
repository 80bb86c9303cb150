namespace Esf.Bench;

/// <summary>The bench's scenarios by <c>--scenario</c> name.</summary>
public static class Scenarios
{
    public const string Default = "invoice";

    private const string Waybill = "waybill";

    /// <summary>The name itself when it is a scenario there is; otherwise why not.</summary>
    public static string Check(string name) => name switch
    {
        Default or Waybill or WarehouseScenario.ScenarioName => name,
        _ => throw new ArgumentException($"--scenario takes {Default}, {Waybill} or {WarehouseScenario.ScenarioName}, not {name}."),
    };

    /// <summary>
    /// Why a scenario cannot send over SOAP, or null when it can: <see cref="Options.Parse"/> refuses <c>--soap</c> with a REST-only
    /// scenario before anything starts, rather than at its first SOAP upload after the services are up.
    /// </summary>
    public static string? SoapRefusal(string name) => name switch
    {
        Waybill => WaybillScenario.SoapRefusal,
        WarehouseScenario.ScenarioName => WarehouseScenario.SoapRefusal,
        _ => null,
    };

    public static IScenario ByName(string name) => Check(name) switch
    {
        Default => new InvoiceScenario(),
        Waybill => new WaybillScenario(),
        WarehouseScenario.ScenarioName => new WarehouseScenario(),
        var other => throw new ArgumentException($"No scenario {other}."),
    };
}
