namespace Esf.Infrastructure.Registry;

/// <summary>
/// Adds the seed CSVs of <c>contracts/registry</c> (embedded; the file name is the registry name) through the importer, insert
/// only: it runs on every start of a demo process and must never overwrite what an operator imported (security review H6).
/// </summary>
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
            reports.Add(await importer.AddMissingAsync(table, await reader.ReadToEndAsync(cancellationToken), cancellationToken));
        }

        return reports;
    }
}
