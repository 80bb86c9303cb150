using Esf.Domain.Rules;

namespace Esf.Infrastructure.Invoices;

/// <summary>
/// What happened to one uploaded invoice (StandardResponse): accepted with an id, or declined with its errors.
/// <see cref="Index"/> is the item's position in the request.
/// </summary>
public sealed record UploadItemResult(int Index, long? InvoiceId, string Num, string Date, IReadOnlyList<RuleViolation> Errors);
