using System.Globalization;
using Esf.Tests.Infrastructure;
using Esf.Tests.Soap;

namespace Esf.Tests.Security.Isolation;

/// <summary>
/// One operation that lists invoices, as the list matrix calls it: the caller and its raw answer, and the marks by which an
/// enterprise's invoice shows in that answer (its id in the format's shape, its number, its TINs). Add one line in
/// <see cref="TenantListings.All"/>.
/// </summary>
public sealed record TenantListing(string Name, Func<Caller, Task<string>> Read, Func<Caller, InvoiceTarget, string[]> Marks)
{
    /// <summary>Today in Kazakhstan (UTC+5), as the search's ISO dates: the invoices of the matrix are issued today.</summary>
    public static string IsoToday => DateTime.UtcNow.AddHours(5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static TenantListing Soap(string name, Func<string, string> request) => new($"SOAP InvoiceService.{name}", async caller =>
    {
        var reply = await caller.Soap.PostAsync("InvoiceService", Envelopes.Envelope(request(caller.SessionId)));
        return $"{(int)reply.Status} {reply.Body}";
    }, (owner, invoice) => [$"<invoiceId>{invoice.Id}</invoiceId>", owner.Tenant.SellerTin]);

    /// <summary>A REST GET; <paramref name="marks"/> by default the id as JSON and the seller's TIN.</summary>
    public static TenantListing Rest(string path, Func<Caller, InvoiceTarget, string[]>? marks = null) =>
        new($"REST GET {path.Split('?')[0]}{Format(path)}", async caller =>
        {
            using var response = await caller.Http.GetAsync(path);
            return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
        }, marks ?? JsonId("id"));

    public static TenantListing Custom(string name, Func<Caller, Task<string>> read, Func<Caller, InvoiceTarget, string[]> marks) => new(name, read, marks);

    /// <summary>The invoice's id as a JSON property named <paramref name="property"/>, and its seller's TIN.</summary>
    public static Func<Caller, InvoiceTarget, string[]> JsonId(string property) =>
        (owner, invoice) => [$"\"{property}\":{invoice.Id}", owner.Tenant.SellerTin];

    /// <summary>
    /// Marks of an answer that carries the number: <paramref name="shape"/> is the number as the format writes it
    /// (<c>&lt;num&gt;{0}&lt;/num&gt;</c>, <c>"num":"{0}"</c>, <c>,{0},</c>), plus the seller's TIN.
    /// </summary>
    public static Func<Caller, InvoiceTarget, string[]> NumAs(string shape) =>
        (owner, invoice) => [string.Format(CultureInfo.InvariantCulture, shape, invoice.Num), owner.Tenant.SellerTin];

    public override string ToString() => Name;

    private static string Format(string path) =>
        path.Split('?') is [_, var query] && query.Split('&').FirstOrDefault(p => p.StartsWith("format=", StringComparison.Ordinal)) is { } format
            ? $" ({format})"
            : "";
}
