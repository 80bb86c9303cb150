namespace Esf.Api.Hosting;

/// <summary>The <c>Esf:RateLimiting</c> section: fixed one-minute windows; 0 switches a limit off.</summary>
public sealed class RateLimitingOptions
{
    public const string Section = "Esf:RateLimiting";

    public bool Enabled { get; set; } = true;

    /// <summary>Requests per client IP address per minute, every endpoint together.</summary>
    public int PerIpPerMinute { get; set; } = 3000;

    /// <summary>
    /// Authenticated requests per enterprise per minute, SOAP and REST, every session and API key of the enterprise together
    /// (it replaces the former per-credential <c>PerSessionPerMinute</c>, which more keys or sessions multiplied).
    /// </summary>
    public int PerTenantPerMinute { get; set; } = 1200;

    /// <summary>
    /// Login attempts per client IP per minute: POSTs to SessionService and AuthService (SOAP), to /api/v1/sessions (REST) and
    /// to /journal/login (the web journal).
    /// With PBKDF2 this is what makes password guessing impractical.
    /// </summary>
    public int LoginPerIpPerMinute { get; set; } = 60;

    /// <summary>
    /// Failed password logins per login (from any address) before that login is locked out for the rest of
    /// <see cref="LoginLockoutMinutes"/>; a lockout answers 429 like the other limits, even to the right password.
    /// </summary>
    public int FailedLoginsPerLogin { get; set; } = 10;

    /// <summary>The window of <see cref="FailedLoginsPerLogin"/>, in minutes.</summary>
    public int LoginLockoutMinutes { get; set; } = 15;

    /// <summary>Public verifications (GET /verify/{registrationNumber}, no login) per client IP per minute.</summary>
    public int VerifyPerIpPerMinute { get; set; } = 30;
}
