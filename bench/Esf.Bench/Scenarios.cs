namespace Esf.Bench;

/// <summary>The bench's scenarios by <c>--scenario</c> name.</summary>
public static class Scenarios
{
    public const string Default = "invoice";

    /// <summary>Scenarios the later document flows will add (issue 17): named so that the option says so instead of "unknown".</summary>
    private static readonly string[] Planned = ["warehouse"];

    /// <summary>The name itself when it is a scenario there is; otherwise why not.</summary>
    public static string Check(string name) => name switch
    {
        Default or "waybill" => name,
        _ when Planned.Contains(name) => throw new ArgumentException(
            $"--scenario {name} is not implemented yet: only {Default} is (the {name} flow adds its scenario with an IScenario of its own)."),
        _ => throw new ArgumentException($"--scenario takes {Default} or waybill (planned: {string.Join(", ", Planned)}), not {name}."),
    };

    public static IScenario ByName(string name) => Check(name) switch
    {
        Default => new InvoiceScenario(),
        "waybill" => new WaybillScenario(),
        var other => throw new ArgumentException($"No scenario {other}."),
    };
}
