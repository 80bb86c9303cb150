using System.Collections.Concurrent;
using System.Text.Json;

namespace Esf.Api.Cli;

/// <summary>
/// The files earlier <c>upload</c> runs got accepted, kept in .esf/upload-state.json after every batch, so that
/// <c>--resume</c> sends only the rest. Without --resume the state starts empty (and is rewritten).
/// </summary>
public sealed class UploadState
{
    public const string RelativePath = ".esf/upload-state.json";

    private readonly ConcurrentDictionary<string, bool> accepted;
    private readonly string path;
    private readonly Lock gate = new();

    private UploadState(string path, IEnumerable<string> files)
    {
        this.path = path;
        accepted = new ConcurrentDictionary<string, bool>(files.Select(f => KeyValuePair.Create(f, true)));
    }

    public static UploadState Load(CliEnvironment environment, bool resume)
    {
        var path = environment.Resolve(RelativePath);
        var files = resume && File.Exists(path) ? JsonSerializer.Deserialize<string[]>(File.ReadAllText(path)) ?? [] : [];
        return new UploadState(path, files);
    }

    public bool Contains(string file) => accepted.ContainsKey(file);

    public void Record(IEnumerable<string> files)
    {
        foreach (var file in files)
        {
            accepted[file] = true;
        }

        lock (gate)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, JsonSerializer.Serialize(accepted.Keys.Order(StringComparer.Ordinal)));
        }
    }

    /// <summary>"[#####-----] 5/10 batches".</summary>
    public static string Bar(int done, int total)
    {
        const int Width = 30;
        var filled = total == 0 ? Width : done * Width / total;
        return $"[{new string('#', filled)}{new string('-', Width - filled)}] {done}/{total} batches";
    }
}
