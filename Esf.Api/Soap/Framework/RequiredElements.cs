using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Xml.Serialization;

namespace Esf.Api.Soap.Framework;

/// <summary>Checks <see cref="RequiredElementAttribute"/> members of a request and of the contract objects inside it.</summary>
public static class RequiredElements
{
    private sealed record Member(PropertyInfo Property, string ElementName, string? ItemName, bool Required);

    private static readonly ConcurrentDictionary<Type, Member[]> Members = new();

    /// <summary>Throws a soap:Client fault naming the first missing element, worded like the schema validator of the real server.</summary>
    public static void Check(object contract, string elementName)
    {
        foreach (var member in Members.GetOrAdd(contract.GetType(), Describe))
        {
            var value = member.Property.GetValue(contract);
            if (value is null)
            {
                if (member.Required)
                {
                    throw SoapFaultException.Client(
                        $"cvc-complex-type.2.4.b: The content of element '{elementName}' is not complete. One of '{{{member.ElementName}}}' is expected.");
                }

                continue;
            }

            if (value is IEnumerable items and not string)
            {
                foreach (var item in items)
                {
                    if (item is not null && IsContract(item.GetType()))
                    {
                        Check(item, member.ItemName ?? member.ElementName);
                    }
                }
            }
            else if (IsContract(value.GetType()))
            {
                Check(value, member.ElementName);
            }
        }
    }

    private static bool IsContract(Type type) => type.IsClass && type.Assembly == typeof(RequiredElements).Assembly;

    private static Member[] Describe(Type type) =>
    [
        .. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<XmlIgnoreAttribute>() is null)
            // Document order, so the first missing child named is the schema's; reflection lists a subclass's own members first.
            .OrderBy(p => p.GetCustomAttribute<XmlElementAttribute>()?.Order ?? p.GetCustomAttribute<XmlArrayAttribute>()?.Order ?? -1)
            .Select(p => new Member(
                p,
                p.GetCustomAttribute<XmlElementAttribute>()?.ElementName is { Length: > 0 } element ? element
                    : p.GetCustomAttribute<XmlArrayAttribute>()?.ElementName is { Length: > 0 } array ? array : p.Name,
                p.GetCustomAttribute<XmlArrayItemAttribute>()?.ElementName,
                p.GetCustomAttribute<RequiredElementAttribute>() is not null)),
    ];
}
