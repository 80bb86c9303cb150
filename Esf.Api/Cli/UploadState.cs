using System.Collections.Concurrent;
using System.Text.Json;
using Esf.Api.Rest.Invoices;

namespace Esf.Api.Cli;

/// <summary>
/// The invoices earlier <c>upload</c> runs got accepted, by file, kept in .esf/upload-state.json after every batch, so that
/// <c>--resume</c> sends only the rest and still reports (and with --wait, waits for) the earlier ones. Without --resume the
/// state starts empty (and is rewritten).
/// </summary>
public sealed class UploadState
{
    public const string RelativePath = ".esf/upload-state.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly ConcurrentDictionary<string, AcceptedInvoiceView> accepted;
    private readonly string path;
    private readonly Lock gate = new();

    private UploadState(string path, IDictionary<string, AcceptedInvoiceView> invoices)
    {
        this.path = path;
        accepted = new ConcurrentDictionary<string, AcceptedInvoiceView>(invoices);
    }

    public static UploadState Load(CliEnvironment environment, bool resume)
    {
        var path = environment.Resolve(RelativePath);
        return new UploadState(path, resume && File.Exists(path) ? Read(path) : new Dictionary<string, AcceptedInvoiceView>());
    }

    /// <summary>The invoice an earlier run got accepted from <paramref name="file"/>, or null.</summary>
    public AcceptedInvoiceView? Earlier(string file) => accepted.GetValueOrDefault(file);

    public void Record(IEnumerable<(string File, AcceptedInvoiceView Invoice)> invoices)
    {
        foreach (var (file, invoice) in invoices)
        {
            accepted[file] = invoice;
        }

        lock (gate)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, JsonSerializer.Serialize(new SortedDictionary<string, AcceptedInvoiceView>(accepted, StringComparer.Ordinal), Json));
        }
    }

    /// <summary>"[#####-----] 5/10 batches".</summary>
    public static string Bar(int done, int total)
    {
        const int Width = 30;
        var filled = total == 0 ? Width : done * Width / total;
        return $"[{new string('#', filled)}{new string('-', Width - filled)}] {done}/{total} batches";
    }

    private static Dictionary<string, AcceptedInvoiceView> Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, AcceptedInvoiceView>>(File.ReadAllText(path), Json) ?? [];
        }
        catch (JsonException)
        {
            throw new CliException($"{path} is not an upload state this version wrote: delete it, or run without --resume.");
        }
    }
}
