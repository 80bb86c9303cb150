namespace Esf.Infrastructure.Sessions;

/// <summary>The user and enterprise behind a session (currentUser).</summary>
public sealed record UserProfile(
    string Login,
    string? FirstName,
    string? LastName,
    string? Email,
    string Status,
    TaxpayerInfo Taxpayer);
