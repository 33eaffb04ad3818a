using Bunit;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Portal.Sync.Health;
using Portal.Components.Pages.Stores;
using Portal.Data.Entities;
using Portal.Sync.Notifications;
using Portal.Sync.Stores;

namespace Portal.Tests.Components.Settings;

/// <summary>The Monitor tab of a store's settings: health, webhooks registered again, and where alert emails go.</summary>
public class StoreMonitorTabTests : IAsyncLifetime
{
    private StoreSettingsContext context = default!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await context.DisposeAsync();

    private async Task<IRenderedComponent<StoreSettingsPage>> RenderAsync(TenantRole role, bool smtp = true)
    {
        context = await StoreSettingsContext.StartAsync(role, odooConnected: false, services =>
        {
            if (smtp)
            {
                services.Configure<NotificationsOptions>(o => (o.Smtp.Host, o.Smtp.From) = ("smtp.example.com", "portal@example.com"));
            }
        });
        await context.ReadAsync(async db =>
        {
            (await db.Stores.SingleAsync()).ProtectedCredentials = "sealed";
            db.HealthChecks.Add(new HealthCheck { Target = HealthTargets.Store(context.StoreId), Healthy = false, Summary = "Alpha EU: Shopify refused the access token.", FixPath = "stores" });
            return await db.SaveChangesAsync();
        });
        return context.Render<StoreSettingsPage>(context.Route("settings?tab=monitor"),
            p => p.Add(s => s.TenantId, context.Pages.TenantId).Add(s => s.StoreId, context.StoreId));
    }

    private static Task ClickAsync(IRenderedComponent<StoreSettingsPage> page, string text) =>
        page.FindAll("button").Single(b => b.TextContent.Trim() == text).ClickAsync(new());

    [Fact]
    public async Task The_stores_last_check_shows_with_its_fix_and_registering_webhooks_again_says_what_was_queued()
    {
        var page = await RenderAsync(TenantRole.Admin);

        Assert.Contains("Failing", page.WaitForElement("[data-testid=store-check]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Shopify refused the access token.", page.Find("[data-testid=store-check]").TextContent, StringComparison.Ordinal);
        await ClickAsync(page, "Register webhooks again");

        page.WaitForAssertion(() => Assert.Contains("Queued a store.subscriptions job", page.Find("[data-testid=webhooks-queued]").TextContent, StringComparison.Ordinal));
        Assert.Equal(1, await context.ReadAsync(db => db.Jobs.CountAsync(j => j.Flow == SubscriptionSyncFlow.Name && j.StoreId == context.StoreId)));
        Assert.Equal(1, await context.ReadAsync(db => db.AuditEntries.CountAsync(e => e.Action == "store.webhooks-requested")));
    }

    [Fact]
    public async Task An_invalid_notification_email_shows_the_validators_message_and_nothing_is_saved()
    {
        var page = await RenderAsync(TenantRole.Admin);
        await StoreSettingsContext.Field(page.WaitForElement("form"), "Notification email").ChangeAsync(new() { Value = "ops at alpha" });

        await ClickAsync(page, "Save");

        var expected = (await context.Pages.Services.GetRequiredService<IValidator<StoreNotificationForm>>()
            .ValidateAsync(new StoreNotificationForm { NotificationEmail = "ops at alpha" })).Errors.Single().ErrorMessage;
        page.WaitForAssertion(() => Assert.Contains(expected, page.Find("form").TextContent, StringComparison.Ordinal));
        Assert.Null(await context.ReadAsync(db => db.Stores.Select(s => s.NotificationEmail).SingleAsync()));
        Assert.Empty(page.FindAll("[data-testid=smtp-missing]"));
    }

    [Fact]
    public async Task A_notification_email_is_saved_and_audited()
    {
        var page = await RenderAsync(TenantRole.Owner);
        await StoreSettingsContext.Field(page.WaitForElement("form"), "Notification email").ChangeAsync(new() { Value = "ops@alpha.test" });

        await ClickAsync(page, "Save");

        page.WaitForAssertion(() => Assert.Contains("Alerts of Alpha EU go to ops@alpha.test.", context.Snackbars()));
        Assert.Equal("ops@alpha.test", await context.ReadAsync(db => db.Stores.Select(s => s.NotificationEmail).SingleAsync()));
        Assert.Equal("NotificationEmail: none → ops@alpha.test",
            await context.ReadAsync(db => db.AuditEntries.Where(e => e.Action == "store-notifications.saved").Select(e => e.Details).SingleAsync()));
    }

    [Fact]
    public async Task Without_smtp_the_tab_says_no_alert_is_emailed_and_a_viewer_cannot_change_anything()
    {
        var page = await RenderAsync(TenantRole.Viewer, smtp: false);

        Assert.Contains("No SMTP server is configured", page.WaitForElement("[data-testid=smtp-missing]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Trim() is "Save" or "Register webhooks again");
    }
}
