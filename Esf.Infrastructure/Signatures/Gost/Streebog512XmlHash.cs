namespace Esf.Infrastructure.Signatures.Gost;

/// <summary>Streebog-512 for <c>urn:ietf:params:xml:ns:pkigovkz:xmlsec:algorithms:gostr34112015-512</c>.</summary>
public sealed class Streebog512XmlHash() : GostXmlHash(GostAlgorithm.Gost2015512);
