namespace Esf.Infrastructure.Sessions;

/// <summary>One enterprise a user may act for, and in which business profile (currentUserProfiles).</summary>
public sealed record BusinessProfile(string Iin, string Tin, string BusinessProfileType, string Status);
