using System.Xml.Schema;
using System.Xml.Serialization;
using Esf.Domain.Rules;

namespace Esf.Api.Soap.Contracts;

/// <summary>Error (shared by UploadInvoiceService and InvoiceService): property?, errorCode?, text?.</summary>
public sealed class ErrorContract
{
    [XmlElement("property", Form = XmlSchemaForm.Unqualified, Order = 1)]
    public string? Property { get; set; }

    [XmlElement("errorCode", Form = XmlSchemaForm.Unqualified, Order = 2)]
    public string? ErrorCode { get; set; }

    [XmlElement("text", Form = XmlSchemaForm.Unqualified, Order = 3)]
    public string? Text { get; set; }

    public static ErrorContract From(RuleViolation violation) =>
        new() { Property = violation.Property, ErrorCode = violation.ErrorCode, Text = violation.Message };

    /// <summary>The errors element, or null when there is nothing to report (the element must then be absent).</summary>
    public static List<ErrorContract>? ListOrNull(IReadOnlyList<RuleViolation> violations) =>
        violations.Count == 0 ? null : [.. violations.Select(From)];
}
