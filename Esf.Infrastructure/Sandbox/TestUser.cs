namespace Esf.Infrastructure.Sandbox;

/// <summary>A user (login = ИИН) of one or more enterprises, with the business profile (the rights) held in each.</summary>
public sealed record TestUser(string Login, string Password, string? FirstName, string? LastName, IReadOnlyList<TestMembership> Enterprises);

/// <summary>One enterprise of a user and the business profile held in it (ADMIN_ENTERPRISE, USER, ENTREPRENEUR, …).</summary>
public sealed record TestMembership(string Tin, string BusinessProfileType);
