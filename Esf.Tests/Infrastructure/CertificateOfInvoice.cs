namespace Esf.Tests.Infrastructure;

/// <summary>
/// Tests' SQL for an invoice's certificate since migration 0174 (ADR 0048): the certificate of the invoice <c>i</c> as a column
/// named <c>certificate</c>, one primary-key look-up per row. The gateway itself reads each page's certificates once
/// (<c>CertificateRows.FillAsync</c>); tests and measurements read them row by row.
/// </summary>
internal static class CertificateOfInvoice
{
    public const string Column = "(SELECT c.certificate FROM certificates c WHERE c.certificate_id = i.certificate_id) AS certificate";
}
