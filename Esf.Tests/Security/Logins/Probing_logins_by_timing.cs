using Esf.Infrastructure.Sessions;
using NUnit.Framework;

namespace Esf.Tests.Security.Logins;

/// <summary>
/// An unknown login costs the same PBKDF2 as a wrong password (security review L1): counted through the verification seam, not
/// timed, so the test cannot flake.
/// </summary>
[TestFixture]
public sealed class Probing_logins_by_timing
{
    [Test]
    public void Should_verify_one_hash_for_an_unknown_login_as_for_a_known_one()
    {
        // Arrange
        var stored = PasswordHasher.Hash("Passw0rdKnown");
        var (unknown, known) = (new CountingVerifier(), new CountingVerifier());

        // Act
        var unknownMatches = UserAccounts.PasswordMatches("Passw0rdKnown", null, unknown.Verify);
        var knownMatches = UserAccounts.PasswordMatches("Passw0rdWrong", stored, known.Verify);

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(unknownMatches, Is.False);
            Assert.That(knownMatches, Is.False);
            Assert.That(unknown.Calls, Is.EqualTo(1), "an unknown login is verified against a dummy hash");
            Assert.That(known.Calls, Is.EqualTo(1));
            Assert.That(unknown.LastHash.Split('$')[1], Is.EqualTo(stored.Split('$')[1]), "the dummy hash has the real iteration count");
        }
    }

    [Test]
    public void Should_never_accept_a_password_for_an_unknown_login_even_when_the_dummy_matches()
    {
        var matches = UserAccounts.PasswordMatches("anything", null, (_, _) => true);

        Assert.That(matches, Is.False);
    }

    private sealed class CountingVerifier
    {
        public int Calls { get; private set; }

        public string LastHash { get; private set; } = "";

        public bool Verify(string password, string hash)
        {
            Calls++;
            LastHash = hash;
            return PasswordHasher.Verify(password, hash);
        }
    }
}
