using Esf.Tests.Infrastructure;
using Microsoft.Playwright;
using NUnit.Framework;

namespace Esf.Tests.Browser;

/// <summary>
/// Debian's Chromium (/usr/bin/chromium, installed by scripts/test.sh) driven by Playwright's driver from the NuGet package:
/// no browser is downloaded. Chromium starts headless with a fresh profile and every background service off, so that it
/// talks only to the gateway on loopback (the machine has no other network).
/// </summary>
public sealed class SystemChromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-default-apps", "--disable-extensions",
    ];

    private readonly IPlaywright playwright;
    private readonly DirectoryInfo profile;

    private SystemChromium(IPlaywright playwright, IBrowserContext context, DirectoryInfo profile)
    {
        this.playwright = playwright;
        Context = context;
        this.profile = profile;
    }

    public IBrowserContext Context { get; }

    /// <summary>A browser on <paramref name="baseAddress"/>; ignored locally (failed under CI) when Chromium is not installed.</summary>
    public static async Task<SystemChromium> LaunchAsync(Uri baseAddress)
    {
        if (!File.Exists(ExecutablePath))
        {
            var reason = $"{ExecutablePath} is missing: scripts/test.sh installs Debian's chromium package.";
            if (TestServices.IsCi)
            {
                Assert.Fail(reason);
            }

            Assert.Ignore(reason);
        }

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var playwright = await Playwright.CreateAsync();
        var profile = Directory.CreateTempSubdirectory("esf-chromium-");
        var context = await playwright.Chromium.LaunchPersistentContextAsync(profile.FullName, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Flags,
            BaseURL = baseAddress.ToString(),
            AcceptDownloads = true,
            ViewportSize = new ViewportSize { Width = 1280, Height = 1000 },
            Timeout = 60_000,
        });
        context.SetDefaultTimeout(30_000);
        return new SystemChromium(playwright, context, profile);
    }

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        playwright.Dispose();
        profile.Delete(recursive: true);
    }
}
