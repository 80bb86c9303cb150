using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Invoices;

namespace Esf.Api.Rest.Invoices;

/// <summary>The optional <c>Idempotency-Key</c> of the requests that store invoices: a repeat with the same key answers the first result.</summary>
public static class IdempotencyKeyHeader
{
    public const string Name = "Idempotency-Key";

    /// <summary>The key, refused with 400 when longer than the database keeps.</summary>
    public static string? Checked(string? key) => key is { Length: > IdempotencyKeys.MaxLength }
        ? throw EsfException.InvalidInput($"Idempotency-Key must have at most {IdempotencyKeys.MaxLength} characters.")
        : key;
}
