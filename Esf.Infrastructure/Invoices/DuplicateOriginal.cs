namespace Esf.Infrastructure.Invoices;

/// <summary>The registered invoice a duplicate was refused for: its id and registration number.</summary>
public sealed record DuplicateOriginal(long Id, string RegistrationNumber);
