using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Jobs;
using Portal.Sync.Notifications;
using Portal.Sync.Stores;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Tests.Notifications;

/// <summary>The alert emails: one per store and interval, listing the store's jobs that failed or parked in it.</summary>
public class StoreAlertTests : IAsyncLifetime
{
    private readonly RecordingAlertMailer mailer = new();
    private SyncTestHost host = default!;
    private Guid tenantId;
    private Guid storeId;
    private Guid quietStoreId;

    // The default interval is 15 minutes: at 09:20 the interval that just ended is 09:00 to 09:15.
    private static DateTimeOffset At(int hour, int minute) => new(2026, 11, 24, hour, minute, 0, TimeSpan.Zero);

    public async Task InitializeAsync()
    {
        host = await SyncTestHost.StartAsync(services =>
        {
            services.RemoveAll<IAlertMailer>();
            services.AddSingleton<IAlertMailer>(mailer);
            services.Configure<StoresOptions>(o => o.PublicBaseUrl = new Uri("https://portal.example.com/"));
        });
        tenantId = await host.AddTenantAsync("Alpha");
        await WriteAsync(db =>
        {
            var store = new Store { Name = "Alpha EU", Platform = StorePlatform.Shopify, Address = "alpha.myshopify.com", NotificationEmail = "ops@alpha.test" };
            var quiet = new Store { Name = "Alpha US", Platform = StorePlatform.Shopify, Address = "alpha-us.myshopify.com" };
            db.Stores.AddRange(store, quiet);
            storeId = store.Id;
            quietStoreId = quiet.Id;
        });
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private async Task WriteAsync(Action<PortalDbContext> write)
    {
        await using var db = host.Services.GetRequiredService<PortalDbContextActivator>().Create(TenantContext.SystemFor(tenantId));
        write(db);
        await db.SaveChangesAsync();
    }

    /// <summary>A parked job of <paramref name="store"/> whose history has the given transitions (at, to, error).</summary>
    private Task JobAsync(Guid store, string subject, params (DateTimeOffset At, JobState To, string? Error)[] history) => WriteAsync(db =>
    {
        var job = new Job
        {
            TenantId = tenantId, StoreId = store, Flow = StoreChangeJobs.OrdersFlow, Subject = subject, SubjectKey = subject, IdentityKey = subject,
            State = JobState.NeedsAttention, CreatedAt = history[0].At, UpdatedAt = history[^1].At, NextRunAt = history[^1].At,
        };
        db.Jobs.Add(job);
        JobState? from = null;
        foreach (var (at, to, error) in history)
        {
            db.JobStateChanges.Add(new JobStateChange { TenantId = tenantId, JobId = job.Id, At = at, From = from, To = to, Actor = "system", Reason = "test", Error = error });
            from = to;
        }
    });

    private async Task<int> ScheduleAndRunAsync(DateTimeOffset now)
    {
        host.Clock.SetUtcNow(now);
        var queued = await host.Services.GetRequiredService<StoreAlertScheduler>().EnqueueDueAsync();
        await host.Services.GetRequiredService<JobRunner>().RunDueJobsAsync(CancellationToken.None);
        return queued;
    }

    [Fact]
    public async Task The_interval_that_ended_is_emailed_with_each_job_that_failed_or_parked_in_it_once_as_it_last_was()
    {
        await JobAsync(storeId, "Order #1001",
            (At(9, 5), JobState.Pending, null), (At(9, 6), JobState.Failed, "Odoo did not answer in 30 s."), (At(9, 11), JobState.NeedsAttention, "No tax mapping for 'GST' (5 %, CA)"));
        await JobAsync(storeId, "Order #1002", (At(9, 7), JobState.Pending, null), (At(9, 8), JobState.Failed, "Shopify answered 503."));
        await JobAsync(storeId, "Order #0999", (At(8, 50), JobState.Pending, null), (At(8, 55), JobState.NeedsAttention, "before the interval"));
        await JobAsync(storeId, "Order #1003", (At(9, 15), JobState.Pending, null), (At(9, 16), JobState.NeedsAttention, "after the interval"));
        await JobAsync(quietStoreId, "Order #2001", (At(9, 5), JobState.Pending, null), (At(9, 6), JobState.NeedsAttention, "another store's"));

        Assert.Equal(1, await ScheduleAndRunAsync(At(9, 20)));

        var mail = Assert.Single(mailer.Sent);
        Assert.Equal(("ops@alpha.test", "Alpha EU: 2 jobs failed or parked"), (mail.To, mail.Subject));
        Assert.Contains("2 jobs of Alpha EU failed or stopped for a person between 2026-11-24 09:00 and 2026-11-24 09:15 UTC:", mail.Body, StringComparison.Ordinal);
        Assert.Contains("- Order #1001 (orders.sync), needs attention: No tax mapping for 'GST' (5 %, CA)", mail.Body, StringComparison.Ordinal);
        Assert.Contains("- Order #1002 (orders.sync), failed, will retry: Shopify answered 503.", mail.Body, StringComparison.Ordinal);
        Assert.Contains($"https://portal.example.com/t/{tenantId}/jobs", mail.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Odoo did not answer", mail.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("before the interval", mail.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("after the interval", mail.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("another store's", mail.Body, StringComparison.Ordinal);

        Assert.Equal(0, await ScheduleAndRunAsync(At(9, 29)));
        Assert.Single(mailer.Sent);
    }

    [Fact]
    public async Task An_interval_in_which_nothing_failed_sends_nothing()
    {
        await JobAsync(storeId, "Order #0999", (At(8, 50), JobState.Pending, null), (At(8, 55), JobState.NeedsAttention, "before the interval"));

        Assert.Equal(1, await ScheduleAndRunAsync(At(9, 20)));

        Assert.Empty(mailer.Sent);
    }

    [Fact]
    public async Task Without_an_smtp_server_no_alert_job_is_queued()
    {
        mailer.IsConfigured = false;
        await JobAsync(storeId, "Order #1001", (At(9, 5), JobState.Pending, null), (At(9, 6), JobState.NeedsAttention, "No tax mapping"));

        Assert.Equal(0, await ScheduleAndRunAsync(At(9, 20)));

        Assert.Empty(mailer.Sent);
        await using var db = host.Services.GetRequiredService<PortalDbContextActivator>().Create(NoTenant.Instance);
        Assert.Equal(0, await db.Jobs.IgnoreQueryFilters().CountAsync(j => j.Flow == StoreAlertFlow.Name));
    }
}
