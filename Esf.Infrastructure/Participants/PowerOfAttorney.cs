namespace Esf.Infrastructure.Participants;

/// <summary>A power of attorney: <see cref="AttorneyIin"/> may sign for <see cref="PrincipalTin"/> from/to (inclusive) until revoked.</summary>
public sealed record PowerOfAttorney(
    long Id, string PrincipalTin, string AttorneyIin, DateOnly ValidFrom, DateOnly ValidTo, string GrantedBy, DateTime? RevokedAt);
