namespace Esf.Infrastructure.Registry;

/// <summary>One column of a registry table: its CSV header (= SQL column), type, whether it must be filled, and its maximum length.</summary>
public sealed record RegistryColumn(string Name, RegistryColumnType Type = RegistryColumnType.Text, bool Required = false, int MaxLength = 0);
