using Bunit;
using Bunit.TestDoubles;
using MudBlazor.Services;
using Portal.Auth;
using Portal.Components.Layout;

namespace Portal.Tests.Components;

public class NavMenuTests : IAsyncLifetime
{
    private readonly BunitContext context = new();
    private readonly BunitAuthorizationContext authorization;

    public NavMenuTests()
    {
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        authorization = context.AddAuthorization();
        authorization.SetAuthorized("owner@alpha.test");
    }

    [Fact]
    public void Inside_a_tenant_the_links_point_into_that_tenant()
    {
        var tenantId = Guid.NewGuid();
        authorization.SetPolicies(PortalPolicies.ManageUsers, PortalPolicies.ManageSettings);

        var menu = context.Render<NavMenu>(p => p.Add(m => m.TenantId, tenantId));

        var links = menu.FindAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"/t/{tenantId}", $"/t/{tenantId}/odoo", $"/t/{tenantId}/stores", $"/t/{tenantId}/jobs", $"/t/{tenantId}/webhooks", $"/t/{tenantId}/health", $"/t/{tenantId}/users", $"/t/{tenantId}/configuration", $"/t/{tenantId}/activity"], links);
    }

    [Fact]
    public void Members_configuration_and_activity_links_need_their_policies()
    {
        var menu = context.Render<NavMenu>(p => p.Add(m => m.TenantId, Guid.NewGuid()));

        Assert.DoesNotContain(menu.FindAll("a"), a => a.TextContent.Contains("Members", StringComparison.Ordinal));
        Assert.DoesNotContain(menu.FindAll("a"), a => a.TextContent.Contains("Configuration", StringComparison.Ordinal));
        Assert.DoesNotContain(menu.FindAll("a"), a => a.TextContent.Contains("Activity", StringComparison.Ordinal));
        Assert.Equal(6, menu.FindAll("a").Count);
    }

    [Fact]
    public void Outside_a_tenant_only_home_is_offered()
    {
        var menu = context.Render<NavMenu>();

        Assert.Equal(["/"], menu.FindAll("a").Select(a => a.GetAttribute("href")));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services dispose asynchronously only.
    public async Task DisposeAsync() => await context.DisposeAsync();
}
