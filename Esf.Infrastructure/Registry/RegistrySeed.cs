namespace Esf.Infrastructure.Registry;

/// <summary>Imports the seed CSVs of <c>contracts/registry</c> (embedded; the file name is the registry name) through the importer.</summary>
public sealed class RegistrySeed(RegistryImporter importer)
{
    public async Task<IReadOnlyList<RegistryImportReport>> ImportAsync(CancellationToken cancellationToken)
    {
        var assembly = typeof(RegistrySeed).Assembly;
        var reports = new List<RegistryImportReport>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.EndsWith(".csv", StringComparison.Ordinal)).Order())
        {
            var name = Path.GetFileNameWithoutExtension(resource).Split('.')[^1];
            if (RegistryTables.Find(name) is not { } table)
            {
                continue;
            }

            await using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            reports.Add(await importer.ImportAsync(table, await reader.ReadToEndAsync(cancellationToken), cancellationToken));
        }

        return reports;
    }
}
