namespace Esf.Infrastructure.Demo;

/// <summary>
/// The demo registry of the run command: the TINs of the SDK's test data (seller 123456789021, customer 123456789011),
/// the seller's bank account that contracts/samples/invoice-v2.xml names (fields 13–14, checked by B-20/B-21), one user who
/// heads the seller, and where the demo signing key lives.
/// </summary>
public sealed record DemoData
{
    public string SellerTin { get; init; } = "123456789021";
    public string SellerName { get; init; } = "ТОО «Демо Поставщик»";
    public string SellerIik { get; init; } = "KZ126010001000123456";
    public string SellerBik { get; init; } = "HSBKKZKX";
    public string CustomerTin { get; init; } = "123456789011";
    public string CustomerName { get; init; } = "ИП «Демо Покупатель»";
    public string OtherCustomerTin { get; init; } = "123456789032";
    public string OtherCustomerName { get; init; } = "АО «Демо Торговый Дом»";
    public string UserIin { get; init; } = "870101300123";
    public string UserName { get; init; } = "ДЕМОВ ДЕМО";
    public string Password { get; init; } = "Demo2026pass";
    public string Pkcs12Password { get; init; } = "demo";
    public required string Pkcs12Path { get; init; }
    public required string CertificatePath { get; init; }
    public string? Url { get; init; }
    public string? SwaggerUrl { get; init; }
    public IReadOnlyDictionary<string, string>? WsdlUrls { get; init; }
    public string? SampleInvoicePath { get; init; }

    /// <summary>The key of the sandbox API (header X-Sandbox-Key) when Esf:Sandbox:Enabled is on.</summary>
    public string? SandboxKey { get; init; }
}
