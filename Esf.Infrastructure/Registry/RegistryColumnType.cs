namespace Esf.Infrastructure.Registry;

/// <summary>The types a registry CSV column may hold.</summary>
public enum RegistryColumnType
{
    Text,
    Date,
    Flag,
    Decimal,
    Integer,
}
