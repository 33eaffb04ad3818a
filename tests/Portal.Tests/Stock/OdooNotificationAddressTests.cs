using Bunit;
using Microsoft.EntityFrameworkCore;
using Portal.Components.Pages.Odoo.Components;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Flows.Stock;
using Portal.Sync.Stores;
using Portal.Sync.Tenancy;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Stock;

public class OdooNotificationAddressTests : IAsyncLifetime
{
    private PageTestContext context = default!;

    public async Task InitializeAsync()
    {
        context = await PageTestContext.StartAsync(TenantRole.Admin, "admin@alpha.test",
            services => services.Configure<StoresOptions>(o => o.PublicBaseUrl = new Uri("https://portal.example.com")));
        await using var db = context.Services.GetRequiredService<PortalDbContextActivator>().Create(TenantContext.SystemFor(context.TenantId));
        db.OdooConnections.Add(new OdooConnection { Url = "https://odoo.example.com", Database = "alpha", Login = "bot", ProtectedApiKey = "sealed" });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await context.DisposeAsync();

    [Fact]
    public async Task Making_the_address_stores_a_token_that_the_notification_endpoint_accepts_and_audits_it()
    {
        var view = context.Bunit.Render<OdooNotificationAddress>();

        await view.FindAll("button").Single(b => b.TextContent.Contains("Make notification address", StringComparison.Ordinal)).ClickAsync(new());

        view.WaitForAssertion(() => Assert.Contains("Rotate notification address", view.Markup, StringComparison.Ordinal));
        await using var db = context.Services.GetRequiredService<PortalDbContextActivator>().Create(TenantContext.SystemFor(context.TenantId));
        var stored = (await db.OdooConnections.SingleAsync()).ProtectedNotificationToken;
        Assert.NotNull(stored);
        var token = context.Services.GetRequiredService<Portal.Sync.Secrets.SecretProtector>().Unprotect(stored);
        var notifications = context.Services.GetRequiredService<OdooNotifications>();
        Assert.Contains($"https://portal.example.com/hooks/odoo/{context.TenantId}/{token}", view.Markup, StringComparison.Ordinal);
        Assert.True(await notifications.AcceptAsync(context.TenantId, token, CancellationToken.None));
        Assert.False(await notifications.AcceptAsync(context.TenantId, token[..^1], CancellationToken.None));
        Assert.Single(await db.AuditEntries.Where(a => a.Action == "odoo.notification-token.rotated").ToListAsync());
    }
}
