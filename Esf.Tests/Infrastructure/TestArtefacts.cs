namespace Esf.Tests.Infrastructure;

/// <summary>Files a test leaves for people to look at (screenshots, printed forms) under .esf/test/results/artefacts.</summary>
public static class TestArtefacts
{
    public static string Folder => Path.Combine(TestServices.RepositoryRoot, ".esf", "test", "results", "artefacts");

    public static string Save(string name, byte[] content)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }
}
