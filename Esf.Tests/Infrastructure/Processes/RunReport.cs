using System.Globalization;
using NUnit.Framework;

namespace Esf.Tests.Infrastructure.Processes;

/// <summary>
/// The figures a long-running test reports: printed to the test output and written to
/// <c>.esf/test/results/&lt;name&gt;.txt</c>, so CI keeps them next to the TRX files.
/// </summary>
public sealed class RunReport(string name)
{
    private readonly List<string> lines = [];

    public string FilePath { get; } = Path.Combine(TestServices.RepositoryRoot, ".esf", "test", "results", $"{name}.txt");

    public void Add(string line)
    {
        var stamped = $"{DateTime.UtcNow.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)} {line}";
        lines.Add(stamped);
        TestContext.Out.WriteLine(stamped);
        TestContext.Progress.WriteLine($"[{name}] {stamped}");
    }

    public async Task SaveAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        await File.WriteAllLinesAsync(FilePath, lines);
    }
}
