using Esf.Domain.Invoices;

namespace Esf.Domain.Rules;

/// <summary>Everything a registration-stage rule may read about one invoice: the document, its signature and the registry.</summary>
public sealed record RegistrationContext(InvoiceDocument Document, SignatureCheck Signature, IRegistryView Registry);
