namespace Esf.Api.Rest.Participants;

/// <summary>A power of attorney to give: the person's ИИН and the validity dates (inclusive).</summary>
public sealed record GrantPowerOfAttorneyBody(string AttorneyIin, DateOnly ValidFrom, DateOnly ValidTo);
