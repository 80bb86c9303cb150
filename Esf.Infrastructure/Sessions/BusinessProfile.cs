namespace Esf.Infrastructure.Sessions;

/// <summary>One enterprise a user may act for, and in which business profile (currentUserProfiles).</summary>
public sealed record BusinessProfile(string Iin, string Tin, string BusinessProfileType, string Status)
{
    /// <summary>profileType as the real service answers it: PROJECT for the project profiles, GENERAL for every other.</summary>
    public string ProfileType => BusinessProfileTypes.ProfileTypeOf(BusinessProfileType);
}
