namespace Esf.Tests.Infrastructure;

/// <summary>
/// The read-only <c>shared/</c> folder every developer and CI has beside the checkout (a worktree may sit deeper,
/// so the folders above the repository are searched). Null when it is absent: tests that compare with it are ignored then.
/// </summary>
public static class SharedReference
{
    public static string? PathOf(params string[] parts)
    {
        for (var folder = new DirectoryInfo(TestServices.RepositoryRoot).Parent; folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine([folder.FullName, "shared", .. parts]);
            if (File.Exists(candidate) || Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The 2025 SDK's sample invoice container.</summary>
    public static string? SdkSample => PathOf("reference", "sdk-2025", "One_InvoiceV2.xml");
}
