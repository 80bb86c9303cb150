namespace Esf.Infrastructure.Signatures.Gost;

/// <summary>ГОСТ 34.311-95 (D-Test S-box) for <c>http://www.w3.org/2001/04/xmldsig-more#gost34311</c>.</summary>
public sealed class Gost34311XmlHash() : GostXmlHash(GostAlgorithm.Gost2004);
