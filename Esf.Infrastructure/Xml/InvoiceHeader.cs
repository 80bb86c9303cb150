using Esf.Domain.Invoices;
using Esf.Domain.Invoices.Document;

namespace Esf.Infrastructure.Xml;

/// <summary>The header fields the pipeline stores and indexes (number, dates, type, parties), taken from the full model.</summary>
public static class InvoiceHeader
{
    // The mapping lives in the domain since invoices pre-filled from a waybill (issue 12) need it without XML.
    public static InvoiceDocument Of(InvoiceBody body) => InvoiceDocument.Of(body);
}
