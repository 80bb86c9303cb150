namespace Esf.Infrastructure.Registry;

/// <summary>A registry that can be imported from CSV: its name in the URL, its table, its columns and the key the import upserts by.</summary>
public sealed record RegistryTable(string Name, string Table, IReadOnlyList<string> Key, IReadOnlyList<RegistryColumn> Columns)
{
    public RegistryColumn? Column(string name) => Columns.FirstOrDefault(c => c.Name == name);
}
