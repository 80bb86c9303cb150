namespace Esf.Infrastructure.Sessions;

/// <summary>
/// Failed password logins counted per login, whichever address they come from: past the configured number the login is
/// refused for a while even with the right password, so that guessing spread over many addresses gets nowhere (M4).
/// Unknown logins are counted the same way, so the lockout tells nothing about which logins exist.
/// </summary>
public interface ILoginLockout
{
    /// <summary>Throws <see cref="Errors.TooManyRequestsException"/> while <paramref name="login"/> is locked out.</summary>
    void EnsureNotLockedOut(string login);

    void Failed(string login);
}
