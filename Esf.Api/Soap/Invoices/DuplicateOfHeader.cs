using System.Globalization;
using Esf.Api.Soap.Framework;
using Esf.Infrastructure.Invoices;

namespace Esf.Api.Soap.Invoices;

/// <summary>
/// X-Esf-Duplicate-Of on queryInvoiceErrorById: the registered original of each duplicate asked for, as
/// <c>{duplicateId}; id={originalId}; registrationNumber={number}</c>, comma-separated. An HTTP header, because the real
/// envelope has no place for it and old clients ignore headers they do not know (ADR 0020).
/// </summary>
public static class DuplicateOfHeader
{
    public const string Name = "X-Esf-Duplicate-Of";

    public static void Write(SoapCall call, IReadOnlyDictionary<long, DuplicateOriginal> originals)
    {
        if (originals.Count > 0)
        {
            call.ResponseHeaders[Name] = string.Join(", ", originals.OrderBy(o => o.Key).Select(o =>
                string.Create(CultureInfo.InvariantCulture, $"{o.Key}; id={o.Value.Id}; registrationNumber={o.Value.RegistrationNumber}")));
        }
    }
}
