namespace Esf.Infrastructure.Sessions;

/// <summary>An open session: who is acting (ИИН) and for which enterprise (ИИН/БИН).</summary>
public sealed record SessionContext(string SessionId, string Login, string Tin, string BusinessProfileType, string Certificate);
