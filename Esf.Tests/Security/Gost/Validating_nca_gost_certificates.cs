using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Security;
using Esf.Infrastructure.Signatures;
using NUnit.Framework;

namespace Esf.Tests.Security.Gost;

/// <summary>The НУЦ РК GOST test keys through <see cref="CertificateValidator"/> at fixed times: chain, CRL, dates, purpose and role.</summary>
[TestFixture]
public sealed class Validating_nca_gost_certificates
{
    [TestCase("head")]
    [TestCase("employee_signright")]
    [TestCase("treasury_client")]
    public void ValidLegalKey_WhenItsCaAndCrlAreTrusted_IsAcceptedForSigning(string role)
    {
        var validator = KzGostTestPki.Validator(KzGostTestPki.ValidAt);
        using var certificate = KzGostTestPki.Legal(role).Certificate;

        Assert.That(() => validator.Validate(certificate, CertificatePurpose.Signing), Throws.Nothing);
    }

    [TestCase("employee")]
    [TestCase("infosystem")]
    public void KeyOfTheValidFolder_WhenTheCurrentCrlListsIt_IsRefusedAsRevoked(string role)
    {
        var validator = KzGostTestPki.Validator(KzGostTestPki.ValidAt);
        using var certificate = KzGostTestPki.Legal(role).Certificate;

        Assert.That(Code(() => validator.Validate(certificate, CertificatePurpose.Signing)), Is.EqualTo("CERTIFICATE_REVOKED"));
    }

    [TestCase("head")]
    [TestCase("employee")]
    [TestCase("employee_signright")]
    [TestCase("infosystem")]
    [TestCase("treasury_client")]
    public void RevokedLegalKey_WhenTheCrlListsIt_IsRefusedAsRevoked(string role)
    {
        var validator = KzGostTestPki.Validator(KzGostTestPki.ValidAt);
        using var certificate = KzGostTestPki.Legal(role, revoked: true).Certificate;

        Assert.That(Code(() => validator.Validate(certificate, CertificatePurpose.Signing)), Is.EqualTo("CERTIFICATE_REVOKED"));
    }

    [Test]
    public void RevokedIndividualKey_WhenLoggingIn_IsRefusedAsRevoked()
    {
        var validator = KzGostTestPki.Validator(KzGostTestPki.ValidAt);
        using var valid = KzGostTestPki.Individual().Certificate;
        using var revoked = KzGostTestPki.Individual(revoked: true).Certificate;

        Assert.That(() => validator.Validate(valid, CertificatePurpose.Authentication), Throws.Nothing);
        Assert.That(Code(() => validator.Validate(revoked, CertificatePurpose.Authentication)), Is.EqualTo("CERTIFICATE_REVOKED"));
    }

    [Test]
    public void ValidKey_AfterItsNotAfter_IsRefusedAsExpired()
    {
        var validator = KzGostTestPki.Validator(new DateTimeOffset(2027, 6, 1, 0, 0, 0, TimeSpan.Zero));
        using var certificate = KzGostTestPki.Legal("head").Certificate;

        Assert.That(Code(() => validator.Validate(certificate, CertificatePurpose.Signing)), Is.EqualTo("CERTIFICATE_EXPIRED"));
    }

    [Test]
    public void ValidKey_WhenOnlyTheRootIsTrusted_IsRefusedAsNotValid()
    {
        // Without the issuing CA no chain can be built: the leaf's issuer is not the root.
        var validator = new CertificateValidator(
            Microsoft.Extensions.Options.Options.Create(new SecurityOptions { TrustedCaPaths = [KzGostTestPki.RootPath] }),
            new Infrastructure.ShiftedClock(KzGostTestPki.ValidAt), Microsoft.Extensions.Logging.Abstractions.NullLogger<CertificateValidator>.Instance);
        using var certificate = KzGostTestPki.Legal("head").Certificate;

        Assert.That(Code(() => validator.Validate(certificate, CertificatePurpose.Signing)), Is.EqualTo("CERTIFICATE_NOT_VALID"));
    }

    [Test]
    public void CertificateOfAnotherGostCa_WhenChecked_IsRefusedAsNotValid()
    {
        // The 2020 ГОСТ 34.310-2004 test certificate's issuer is not trusted here (and its own CA is not available at all).
        var validator = KzGostTestPki.Validator(new DateTimeOffset(2020, 6, 1, 0, 0, 0, TimeSpan.Zero));
        using var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificateFromFile(
            KzGostTestPki.Path("nca-test-2020-gost2004", "GOSTKNCA_13a3741b52d7bf860aab199b56fad1f4652e357b.cer.der"));

        Assert.That(Code(() => validator.Validate(certificate, CertificatePurpose.Signing)), Is.EqualTo("CERTIFICATE_NOT_VALID"));
    }

    [Test]
    public void ValidKey_WhenTheCrlIsPastItsNextUpdate_IsRefusedAsRevocationUnknown()
    {
        var validator = KzGostTestPki.Validator(KzGostTestPki.CrlStaleAt);
        using var certificate = KzGostTestPki.Legal("head").Certificate;

        Assert.That(Code(() => validator.Validate(certificate, CertificatePurpose.Signing)), Is.EqualTo("OCSP_NOT_AVAILABLE"));
    }

    [Test]
    public void ValidKey_WhenTheCrlIsStaleAndStaleCrlsAreAccepted_IsAccepted()
    {
        var validator = KzGostTestPki.Validator(KzGostTestPki.CrlStaleAt, acceptStaleCrls: true);
        using var valid = KzGostTestPki.Legal("head").Certificate;
        using var revoked = KzGostTestPki.Legal("head", revoked: true).Certificate;

        Assert.That(() => validator.Validate(valid, CertificatePurpose.Signing), Throws.Nothing);
        Assert.That(Code(() => validator.Validate(revoked, CertificatePurpose.Signing)), Is.EqualTo("CERTIFICATE_REVOKED"), "a listed key stays refused");
    }

    [TestCase("head", true)]
    [TestCase("employee_signright", true)]
    [TestCase("treasury_client", false)]
    public void LegalKey_WhenLoggingIn_IsAcceptedUnlessItIsAnInformationSystems(string file, bool mayLogIn)
    {
        // treasury_client.p12 is in fact the information system's key (OID 1.2.398.3.3.4.1.2.6, CN ИС "Тест", no ИИН): see docs/security.md.
        var validator = KzGostTestPki.Validator(KzGostTestPki.ValidAt);
        using var certificate = KzGostTestPki.Legal(file).Certificate;

        Assert.That(Code(() => validator.Validate(certificate, CertificatePurpose.Authentication)), Is.EqualTo(mayLogIn ? null : "CERTIFICATE_IS_NOT_FOR_AUTH"));
    }

    [TestCase("head", NcaRoles.LegalEntity | NcaRoles.Head, true)]
    [TestCase("employee_signright", NcaRoles.LegalEntity | NcaRoles.SigningRight, true)]
    [TestCase("employee", NcaRoles.LegalEntity | NcaRoles.Employee, false)]
    [TestCase("treasury_client", NcaRoles.LegalEntity | NcaRoles.InformationSystem, true)]
    [TestCase("infosystem", NcaRoles.LegalEntity | NcaRoles.TreasuryClient, false)]
    public void LegalKey_WhenRead_StatesItsRoleAndWhetherItSignsForTheEntity(string file, NcaRoles roles, bool signsForEntity)
    {
        using var certificate = KzGostTestPki.Legal(file).Certificate;

        var subject = CertificateParser.Subject(certificate);

        Assert.That(subject.Roles, Is.EqualTo(roles));
        Assert.That(subject.Bin, Is.EqualTo(KzGostTestPki.LegalEntityBin));
        Assert.That(subject.MaySignForEntity, Is.EqualTo(signsForEntity));
    }

    [TestCase("head", true)]
    [TestCase("employee_signright", true)]
    [TestCase("employee", false)]
    public void LegalKey_WhenSigningAsTheEntity_RepresentsTheSellerOnlyWithASigningRole(string file, bool represents)
    {
        // B-02 (SignerMustRepresentSeller) asks SignatureCheck.Represents: an employee's key names the БИН but does not sign for it.
        using var certificate = KzGostTestPki.Legal(file).Certificate;
        var subject = CertificateParser.Subject(certificate);

        var check = new Esf.Domain.Rules.SignatureCheck(true, subject.Iin, subject.Bin, MaySignForEntity: subject.MaySignForEntity);

        Assert.That(check.Represents(KzGostTestPki.LegalEntityBin), Is.EqualTo(represents));
    }

    [Test]
    public void IndividualKey_WhenRead_NamesThePersonAndNoEntity()
    {
        using var certificate = KzGostTestPki.Individual().Certificate;

        Assert.That(CertificateParser.Subject(certificate), Is.EqualTo(new CertificateSubject(KzGostTestPki.HeadIin, null, NcaRoles.Individual)));
    }

    private static string? Code(Action action)
    {
        try
        {
            action();
            return null;
        }
        catch (EsfException e)
        {
            return e.ErrorCode;
        }
    }
}
