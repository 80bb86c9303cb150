using Esf.Domain.Employees;
using Esf.Domain.Invoices;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Sessions;
using Esf.Infrastructure.Signatures;
using Esf.Tests.Lifecycle;
using NUnit.Framework;

namespace Esf.Tests.Security.Tickets;

/// <summary>
/// Issue 10 (open list 4): the signature over a revoke/unrevoke/decline/delete id list counts only with a signing certificate
/// the trust store accepts, as an invoice's does. The signature is checked before any invoice is looked at.
/// </summary>
[TestFixture]
public sealed class Signing_status_changes_with_untrusted_certificates
{
    private const string Area = "Status-change signatures";

    [Test]
    public async Task Should_refuse_a_revocation_signed_with_a_revoked_certificate()
    {
        // Arrange: a key whose CRL entry says it is revoked, naming the acting user.
        var session = new SessionContext("s", TrustedGateway.RevokedIin, TrustedGateway.RevokedIin, "USER", "")
        {
            Authority = EmployeeAuthority.Employee([new RightTerm(EmployeeRight.ChangeStatus, DateOnly.MinValue, null)], DateOnly.MinValue),
        };
        StatusChangeItem[] items = [new(1, "ошибка")];

        // Act
        var code = await RefusalAsync(session, items, DocumentFlowParties.Sign(items, TrustedGateway.RevokedSigning));

        // Assert
        Assert.That(code, Is.EqualTo("CERTIFICATE_REVOKED"));
        AttackLog.Record(Area, "Revoke invoices with an id list signed by a certificate the CA's CRL lists", "CERTIFICATE_REVOKED, nothing changed");
    }

    [Test]
    public async Task Should_refuse_a_revocation_signed_with_a_self_signed_certificate()
    {
        // Arrange: anyone can make a certificate naming the right person and enterprise.
        using var user = await CertifiedUser.CreateAsync();
        using var selfSigned = CertificateFactory.Create("ТЕСТОВ", user.Iin, user.Tin);
        var session = new SessionContext("s", user.Iin, user.Tin, "ADMIN_ENTERPRISE", "") { Authority = EmployeeAuthority.Head };
        StatusChangeItem[] items = [new(1, "ошибка")];

        // Act
        var code = await RefusalAsync(session, items, DocumentFlowParties.Sign(items, selfSigned));

        // Assert
        Assert.That(code, Is.EqualTo("CERTIFICATE_NOT_VALID"));
        AttackLog.Record(Area, "Revoke invoices with an id list signed by a self-signed key naming the user", "CERTIFICATE_NOT_VALID, nothing changed");
    }

    [Test]
    public async Task Should_accept_a_revocation_signed_with_the_users_trusted_signing_certificate()
    {
        // Arrange: no such invoice, so the only answer is per invoice — the signature itself passed.
        using var user = await CertifiedUser.CreateAsync();
        var session = new SessionContext("s", user.Iin, user.Tin, "ADMIN_ENTERPRISE", "") { Authority = EmployeeAuthority.Head };
        StatusChangeItem[] items = [new(1, "ошибка")];

        // Act
        var results = await TrustedGateway.Fixture.Get<InvoiceStatusChanger>().ChangeAsync(
            session, LifecycleOperation.Revoke, items, DocumentFlowParties.Sign(items, user.Sign), atomic: false, CancellationToken.None);

        // Assert
        Assert.That(results.Single().ErrorCode, Is.EqualTo(InvoiceStatusChanger.NotFound));
    }

    private static async Task<string?> RefusalAsync(SessionContext session, StatusChangeItem[] items, SignedStatusChange signed)
    {
        try
        {
            await TrustedGateway.Fixture.Get<InvoiceStatusChanger>().ChangeAsync(
                session, LifecycleOperation.Revoke, items, signed, atomic: false, CancellationToken.None);
            return null;
        }
        catch (EsfException e)
        {
            return e.ErrorCode;
        }
    }
}
