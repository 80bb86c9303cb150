using Esf.Infrastructure.Errors;

namespace Esf.Infrastructure.Search;

/// <summary>
/// Reads a sort name. queryInvoice's orderBy values are not public, so both the UPPER_SNAKE wire style
/// (<c>REGISTRATION_NUMBER</c>) and camelCase (<c>registrationNumber</c>) are accepted; absent means the issue date.
/// </summary>
public static class InvoiceSortNames
{
    public static InvoiceSort Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return InvoiceSort.Date;
        }

        var normalized = text.Replace("_", "", StringComparison.Ordinal).Trim();
        foreach (var sort in Enum.GetValues<InvoiceSort>())
        {
            if (sort.ToString().Equals(normalized, StringComparison.OrdinalIgnoreCase))
            {
                return sort;
            }
        }

        throw EsfException.InvalidInput(
            $"orderBy «{text}» is not a known sort; use one of {string.Join(", ", Enum.GetValues<InvoiceSort>())}.");
    }
}
