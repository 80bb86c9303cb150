namespace Esf.Domain.Rules.Document;

/// <summary>Property paths of the body as the sender sees them (zero-based indexes), the same shape the XSD errors use.</summary>
public static class Paths
{
    public static string Seller(int i, string field) => $"sellers.seller[{i}].{field}";

    public static string Customer(int i, string field) => $"customers.customer[{i}].{field}";

    public static string Product(int i, string field) => $"productSet.products.product[{i}].{field}";
}
