using Esf.Infrastructure.Sessions;

namespace Esf.Api.Soap.Sessions;

/// <summary>From the session service's user profile to the wire User/Taxpayer.</summary>
public static class UserMapping
{
    public static UserContract ToContract(UserProfile user) => new()
    {
        Login = user.Login,
        Email = user.Email,
        Status = user.Status,
        Taxpayer = new TaxpayerContract
        {
            Tin = user.Taxpayer.Tin,
            NameRu = user.Taxpayer.NameRu,
            NameKz = user.Taxpayer.NameKz,
            AddressRu = user.Taxpayer.AddressRu,
            CertificateSeries = user.Taxpayer.CertificateSeries,
            CertificateNum = user.Taxpayer.CertificateNum,
            Resident = user.Taxpayer.Resident,
            Type = user.Taxpayer.EnterpriseType,
            // Resource users (ресурсные пользователи) are a portal notion this gateway does not have.
            ResourceUser = false,
            Kogd = user.Taxpayer.Kogd,
        },
    };
}
