using Esf.Domain.Invoices;

namespace Esf.Infrastructure.Invoices;

/// <summary>An invoice that passed the upload checks and is about to be stored IN_QUEUE.</summary>
internal sealed record AcceptedInvoice(int Index, UploadItem Item, InvoiceDocument Document);
