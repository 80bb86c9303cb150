using System.Security.Cryptography;
using System.Security.Cryptography.Xml;
using System.Xml;

namespace Esf.Infrastructure.Signatures;

/// <summary>
/// Canonicalises a SignedInfo element exactly as received. .NET's SignedXml re-reads SignedInfo through a normalising
/// XmlReader, which turns the <c>&amp;#13;</c> line breaks Kalkan (Apache Santuario) writes into long Base64 values (every
/// Streebog-512 DigestValue) into nothing, so its digest of such a SignedInfo is wrong and a correct signature fails. Here the
/// element is copied node by node, the namespaces in scope on its ancestors are declared on the copy (inclusive C14N renders
/// them; exclusive C14N drops the unused ones), and the declared canonicalisation method is applied.
/// </summary>
public static class SignedInfoCanonicalizer
{
    /// <summary>The canonical bytes of <paramref name="signedInfo"/>; <see cref="CryptographicException"/> for a method other than C14N 1.0 or exclusive C14N.</summary>
    public static byte[] Canonicalize(XmlElement signedInfo, string method)
    {
        Transform transform = method switch
        {
            SignedXml.XmlDsigC14NTransformUrl => new XmlDsigC14NTransform(),
            SignedXml.XmlDsigC14NWithCommentsTransformUrl => new XmlDsigC14NTransform(includeComments: true),
            SignedXml.XmlDsigExcC14NTransformUrl => new XmlDsigExcC14NTransform(),
            SignedXml.XmlDsigExcC14NWithCommentsTransformUrl => new XmlDsigExcC14NTransform(includeComments: true),
            _ => throw new CryptographicException($"Canonicalization method '{method}' is not accepted."),
        };
        var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        var copy = (XmlElement)document.AppendChild(document.ImportNode(signedInfo, deep: true))!;
        for (var node = signedInfo.ParentNode; node is XmlElement ancestor; node = ancestor.ParentNode)
        {
            foreach (var declaration in ancestor.Attributes.Cast<XmlAttribute>().Where(IsNamespaceDeclaration))
            {
                if (copy.GetAttributeNode(declaration.Name) is null)
                {
                    copy.Attributes.Append((XmlAttribute)document.ImportNode(declaration, deep: true));
                }
            }
        }

        transform.LoadInput(document);
        using var output = (Stream)transform.GetOutput(typeof(Stream));
        using var bytes = new MemoryStream();
        output.CopyTo(bytes);
        return bytes.ToArray();
    }

    private static bool IsNamespaceDeclaration(XmlAttribute attribute) => attribute.Prefix == "xmlns" || attribute.Name == "xmlns";
}
