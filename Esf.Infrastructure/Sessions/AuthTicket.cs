using System.Globalization;
using System.Xml.Linq;

namespace Esf.Infrastructure.Sessions;

/// <summary>
/// The ticket of AuthService.createAuthTicket: <c>&lt;authSign&gt;&lt;timeMark/&gt;&lt;state/&gt;&lt;iin/&gt;&lt;ttlInMinutes/&gt;&lt;/authSign&gt;</c>
/// (esf-api-facts §4). timeMark is epoch milliseconds, state the server's nonce.
/// </summary>
public sealed record AuthTicket(long TimeMark, string State, string Iin, int TtlInMinutes)
{
    public const string RootName = "authSign";

    public string ToXml() => new XElement(RootName,
        new XElement("timeMark", TimeMark.ToString(CultureInfo.InvariantCulture)),
        new XElement("state", State),
        new XElement("iin", Iin),
        new XElement("ttlInMinutes", TtlInMinutes.ToString(CultureInfo.InvariantCulture))).ToString(SaveOptions.DisableFormatting);
}
