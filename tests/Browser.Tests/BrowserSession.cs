using Microsoft.Playwright;

namespace Portal.Browser.Tests;

/// <summary>Debian's Chromium, headless, driven by Playwright; a screenshot is saved when a step fails.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly IPlaywright playwright;
    private readonly IBrowser browser;

    private BrowserSession(IPlaywright playwright, IBrowser browser, IPage page)
    {
        this.playwright = playwright;
        this.browser = browser;
        Page = page;
    }

    public IPage Page { get; }

    public static async Task<BrowserSession> OpenAsync(Uri baseAddress)
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Browser tests need Debian's Chromium at {ChromiumPath}: run `apt-get install -y chromium` (.ci/run does).");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // The machine has no network but loopback: background services would only produce refused connections.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString() });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        return new BrowserSession(playwright, browser, page);
    }

    /// <summary>Runs the steps; on failure saves a screenshot under TestResults/screenshots and adds the portal's log.</summary>
    public async Task RunAsync(string name, PortalProcess portal, Func<IPage, Task> steps)
    {
        try
        {
            await steps(Page);
        }
        catch (Exception ex)
        {
            var directory = Path.Combine(RepositoryPaths.Root, "TestResults", "screenshots");
            Directory.CreateDirectory(directory);
            var file = Path.Combine(directory, $"{name}.png");
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
            throw new InvalidOperationException($"{ex.Message}\nScreenshot: {file}\nURL: {Page.Url}\nPortal log:\n{portal.Output}", ex);
        }
    }

    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    /// <summary>Waits until the Blazor circuit has taken over the prerendered page, so clicks are handled.</summary>
    public static Task WaitForInteractiveAsync(IPage page) =>
        page.Locator("[data-interactive=true]").WaitForAsync();

    public async ValueTask DisposeAsync()
    {
        await browser.CloseAsync();
        playwright.Dispose();
    }
}
