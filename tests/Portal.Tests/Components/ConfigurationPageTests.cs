using System.Text.Json.Nodes;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Components.Pages.Configuration;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Configuration;
using Portal.Tests.Configuration;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Components;

public class ConfigurationPageTests : IAsyncLifetime
{
    private PageTestContext context = default!;

    public async Task InitializeAsync() => context = await PageTestContext.StartAsync(TenantRole.Admin, "adam@alpha.test", services =>
    {
        services.RemoveAll<IEnvironmentVariables>();
        services.AddSingleton<IEnvironmentVariables>(new SampleEnvironment());
    });

    public async Task DisposeAsync() => await context.DisposeAsync();

    private IRenderedComponent<ConfigurationPage> RenderPage() => context.Bunit.Render<ConfigurationPage>(p => p.Add(c => c.TenantId, context.TenantId));

    private static void Choose(IRenderedComponent<ConfigurationPage> page, string json) =>
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(json, "tenant-config.json", contentType: "application/json"));

    private Task<List<Store>> StoresAsync() => Read(db => db.Stores.ToListAsync());

    private async Task<T> Read<T>(Func<PortalDbContext, Task<T>> read)
    {
        await using var db = context.Services.GetRequiredService<PortalDbContextActivator>().Create(Sync.Tenancy.TenantContext.SystemFor(context.TenantId));
        return await read(db);
    }

    [Fact]
    public async Task A_chosen_document_is_previewed_and_applied_only_when_asked()
    {
        var page = RenderPage();

        Choose(page, SampleEnvironment.Sample);

        page.WaitForAssertion(() => Assert.Contains("would change this tenant: 18 created, 0 updated, 0 removed, 0 unchanged", page.Find("[data-testid=import-summary]").TextContent, StringComparison.Ordinal));
        Assert.Contains(page.FindAll("[data-testid=import-changes] li"), li => li.TextContent == "tax mapping added: TVA 20% 0.2 FR included → Odoo tax 5");
        Assert.Contains(page.FindAll("h3"), h => h.TextContent == "Alpha EU (Shopify alpha-eu.myshopify.com)");
        Assert.Empty(await StoresAsync());

        await page.Find("[data-testid=import-apply]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("Imported tenant-config.json: 18 created", page.Find("[data-testid=import-summary]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=import-apply]"));
        Assert.Equal(["Alpha EU", "Wholesale site"], (await StoresAsync()).Select(s => s.Name).Order());
        Assert.All(await Read(db => db.AuditEntries.ToListAsync()), e => Assert.Equal("adam@alpha.test", e.ActorName));
    }

    [Fact]
    public async Task The_same_document_again_has_nothing_to_change()
    {
        var page = RenderPage();
        Choose(page, SampleEnvironment.Sample);
        page.WaitForElement("[data-testid=import-apply]");
        await page.Find("[data-testid=import-apply]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Contains("Imported", page.Find("[data-testid=import-summary]").TextContent, StringComparison.Ordinal));

        Choose(page, SampleEnvironment.Sample);

        page.WaitForAssertion(() => Assert.Contains("matches this tenant's configuration: nothing to change", page.Find("[data-testid=import-summary]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=import-apply]"));
    }

    [Fact]
    public async Task Errors_are_listed_with_their_paths_and_nothing_can_be_applied()
    {
        var document = JsonNode.Parse(SampleEnvironment.Sample)!;
        document["stores"]![0]!["taxMappings"]![1]!["rate"] = 5.5;
        document["stores"]![1]!["credentials"]!["consumerKey"] = new JsonObject { ["env"] = "NOT_SET_ANYWHERE" };
        var page = RenderPage();

        Choose(page, document.ToJsonString());

        page.WaitForAssertion(() => Assert.Contains("has 2 errors; nothing was applied", page.Find("[data-testid=import-errors-summary]").TextContent, StringComparison.Ordinal));
        var rows = page.FindAll("[data-testid=import-errors] tbody tr").Select(r => (r.Children[0].TextContent, r.Children[1].TextContent)).ToList();
        Assert.Contains(("stores[0].taxMappings[1].rate", "Enter the rate as a fraction between 0 and 1: 0.2 for 20 %."), rows);
        Assert.Contains(rows, r => r.Item1 == "stores[1].credentials.consumerKey" && r.Item2.Contains("NOT_SET_ANYWHERE is not set", StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=import-apply]"));
        Assert.Empty(await StoresAsync());
    }

    [Fact]
    public void Export_is_a_download_of_the_tenants_document()
    {
        var page = RenderPage();

        var export = page.Find("a[data-testid=export]");

        Assert.Equal($"/t/{context.TenantId}/configuration/export", export.GetAttribute("href"));
        Assert.Equal("tenant-config.json", export.GetAttribute("download"));
    }
}
