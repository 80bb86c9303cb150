namespace Esf.Api.Soap.Framework;

/// <summary>
/// Marks a request member the WSDL declares as required (minOccurs 1). XmlSerializer does not validate, and a
/// qualified child (&lt;esf:tin&gt;) silently reads as null, so the layer checks these after reading.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RequiredElementAttribute : Attribute;
