namespace Esf.Api.Rest.Participants;

/// <summary>A power of attorney to give: the person's ИИН and the validity dates (inclusive), dd.MM.yyyy or yyyy-MM-dd (ADR 0006).</summary>
public sealed record GrantPowerOfAttorneyBody(string AttorneyIin, string ValidFrom, string ValidTo);
