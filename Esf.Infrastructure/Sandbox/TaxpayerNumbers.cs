using System.Globalization;
using System.Security.Cryptography;
using Esf.Domain.Taxpayers;
using Esf.Infrastructure.Participants;

namespace Esf.Infrastructure.Sandbox;

/// <summary>
/// Fresh ИИН/БИН with a correct control digit. A БИН (ЮЛ) is YYMM, the type (4 resident, 5 non-resident), the attribute
/// (0 head office, 1 branch) and five serial digits; an ИИН (ФЛ, ИП) is the birth date YYMMDD, the century-and-sex digit and
/// four serial digits. The serial digits are random so that sandbox worlds never collide.
/// </summary>
public static class TaxpayerNumbers
{
    public static string New(ParticipantKind kind, bool resident, bool branch, DateOnly today)
    {
        while (true)
        {
            var eleven = kind == ParticipantKind.LegalEntity
                ? today.ToString("yyMM", CultureInfo.InvariantCulture) + (resident ? "4" : "5") + (branch ? "1" : "0") + Serial(5)
                : BirthDate(today).ToString("yyMMdd", CultureInfo.InvariantCulture) + "3" + Serial(4);
            if (TaxpayerNumber.Complete(eleven) is { } number)
            {
                return number;
            }
        }
    }

    /// <summary>A birth date in the 20th century (century-and-sex digit 3) of a person of age.</summary>
    private static DateOnly BirthDate(DateOnly today) =>
        new DateOnly(1950, 1, 1).AddDays(RandomNumberGenerator.GetInt32(0, 365 * 49));

    private static string Serial(int digits) =>
        RandomNumberGenerator.GetInt32(0, (int)Math.Pow(10, digits)).ToString("D" + digits, CultureInfo.InvariantCulture);
}
