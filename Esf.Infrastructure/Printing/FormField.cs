namespace Esf.Infrastructure.Printing;

/// <summary>A numbered field of the form, e.g. «1.1 Номер учетной системы»; an empty value prints as a blank cell.</summary>
public sealed record FormField(string Code, string Label, string? Value);
