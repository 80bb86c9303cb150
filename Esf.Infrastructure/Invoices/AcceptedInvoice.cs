using Esf.Domain.Invoices;

namespace Esf.Infrastructure.Invoices;

/// <summary>An invoice that passed the upload checks and is about to be stored IN_QUEUE.</summary>
/// <param name="PowerOfAttorneyId">The power of attorney an attorney sends it under; null when the seller sends its own.</param>
internal sealed record AcceptedInvoice(int Index, UploadItem Item, InvoiceDocument Document, long? PowerOfAttorneyId = null);
