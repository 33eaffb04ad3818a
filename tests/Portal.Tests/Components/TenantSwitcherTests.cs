using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using MudBlazor.Services;
using Portal.Auth;
using Portal.Components.Layout;
using Portal.Data.Entities;

namespace Portal.Tests.Components;

public class TenantSwitcherTests : IAsyncLifetime
{
    private readonly BunitContext context = new();
    private readonly TenantChoice alpha = new(Guid.NewGuid(), "Alpha Outfitters", TenantRole.Owner);
    private readonly TenantChoice bravo = new(Guid.NewGuid(), "Bravo Bikes", TenantRole.Viewer);

    public TenantSwitcherTests()
    {
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.AddAuthorization().SetAuthorized("owner@alpha.test");
        providers = context.Render<MudPopoverProvider>();
    }

    private readonly IRenderedComponent<MudPopoverProvider> providers;

    [Fact]
    public void The_button_names_the_active_tenant()
    {
        var switcher = context.Render<TenantSwitcher>(p => p.Add(s => s.Choices, [alpha, bravo]).Add(s => s.ActiveTenantId, bravo.Id));

        Assert.Contains("Bravo Bikes", switcher.Find("button").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Choosing_a_tenant_navigates_to_its_dashboard()
    {
        var switcher = context.Render<TenantSwitcher>(p => p.Add(s => s.Choices, [alpha, bravo]).Add(s => s.ActiveTenantId, alpha.Id));

        switcher.Find("button").Click();
        providers.WaitForAssertion(() => Assert.Contains("Bravo Bikes", providers.Markup, StringComparison.Ordinal));
        providers.FindAll(".mud-menu-item").Single(i => i.TextContent.Contains("Bravo Bikes", StringComparison.Ordinal)).Click();

        var navigation = context.Services.GetRequiredService<NavigationManager>();
        switcher.WaitForAssertion(() => Assert.EndsWith(TenantRoute.For(bravo.Id), navigation.Uri, StringComparison.Ordinal));
    }

    [Fact]
    public void A_user_without_tenants_sees_no_switcher()
    {
        var switcher = context.Render<TenantSwitcher>(p => p.Add(s => s.Choices, []));

        Assert.Empty(switcher.Markup.Trim());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services dispose asynchronously only.
    public async Task DisposeAsync() => await context.DisposeAsync();
}
