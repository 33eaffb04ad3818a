using Bunit;
using FluentValidation;
using Portal.Auth;
using Portal.Components.Pages.Dashboard;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Dashboard;
using Portal.Sync.Stores;
using Portal.Sync.Tenancy;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Components;

public class DashboardTests : IAsyncLifetime
{
    private PageTestContext context = default!;

    public async Task InitializeAsync() => context = await PageTestContext.StartAsync(TenantRole.Viewer, services: services => services
        .AddSingleton<MembershipLookup>()
        .AddScoped<TenantDirectory>()
        .AddSingleton<IValidator<NewTenantForm>, NewTenantFormValidator>());

    public async Task DisposeAsync() => await context.DisposeAsync();

    private DateTimeOffset Now => context.Clock.GetUtcNow();

    [Fact]
    public async Task Orders_count_once_per_order_and_period_and_failures_backlog_last_syncs_and_hours_come_from_the_jobs()
    {
        var alpha = new Store { Name = "Alpha Shop", Platform = StorePlatform.Shopify, Address = "alpha.myshopify.com", Enabled = true };
        var beta = new Store { Name = "Beta Site", Platform = StorePlatform.WooCommerce, Address = "https://beta.example.com", Enabled = true };
        await using (var db = context.Services.GetRequiredService<PortalDbContextActivator>().Create(TenantContext.SystemFor(context.TenantId)))
        {
            db.Stores.AddRange(alpha, beta);
            // Order 1: two versions imported this morning; order 2: three days ago; order 3: ten days ago.
            Succeeded(db, alpha.Id, StoreChangeJobs.OrdersFlow, "order-1", Now.AddHours(-2), Now.AddHours(-1));
            Succeeded(db, alpha.Id, StoreChangeJobs.OrdersFlow, "order-2", Now.AddDays(-3));
            Succeeded(db, alpha.Id, StoreChangeJobs.OrdersFlow, "order-3", Now.AddDays(-10));
            Succeeded(db, alpha.Id, "stock.sync", "stock", Now.AddMinutes(-30));
            Job(db, beta.Id, "orders.sync", "order-4", JobState.NeedsAttention, Now.AddMinutes(-20), "No tax mapping for 'VAT' (20 %, GB, prices excluding tax)", "stores/x/mappings/taxes");
            Job(db, beta.Id, "orders.sync", "order-5", JobState.NeedsAttention, Now.AddMinutes(-10), "No tax mapping for 'VAT' (20 %, GB, prices excluding tax)", "stores/x/mappings/taxes");
            Job(db, beta.Id, "orders.sync", "order-6", JobState.Pending, Now.AddMinutes(-5));
            Job(db, beta.Id, "orders.sync", "order-7", JobState.Pending, Now.AddMinutes(-4));
            await db.SaveChangesAsync();
        }

        var figures = await context.Services.GetRequiredService<TenantDashboard>().ReadAsync();
        var page = context.Bunit.Render<Dashboard>(p => p.Add(d => d.TenantId, context.TenantId));

        Assert.Equal((1, 2), (figures.OrdersToday, figures.OrdersLastSevenDays));
        var failure = Assert.Single(figures.Failures);
        Assert.Equal(2, failure.Count);
        Assert.Equal((2, Now.AddMinutes(-5)), (figures.Backlog, figures.OldestWaitingSince));
        Assert.Equal([("Alpha Shop", (DateTimeOffset?)Now.AddMinutes(-30)), ("Beta Site", null)], figures.Stores.Select(s => (s.Name, s.LastSucceededAt)));
        Assert.Equal(TenantDashboard.ChartHours, figures.JobsPerHour.Count);
        // The clock stands at 09:00: the last bar is the hour just begun, the one before holds 08:00 to 09:00.
        Assert.Equal((Now, 0, 0), (figures.JobsPerHour[^1].Hour, figures.JobsPerHour[^1].Succeeded, figures.JobsPerHour[^1].Failed));
        Assert.Equal((2, 2), (figures.JobsPerHour[^2].Succeeded, figures.JobsPerHour[^2].Failed));
        Assert.Equal((1, 0), (figures.JobsPerHour[^3].Succeeded, figures.JobsPerHour[^3].Failed));
        Assert.Equal(3, figures.JobsPerHour.Sum(h => h.Succeeded));

        page.WaitForAssertion(() => Assert.Contains("2 over the last 7 days", page.Find("[data-testid=orders-figure]").TextContent, StringComparison.Ordinal));
        Assert.Contains("No tax mapping for 'VAT'", page.Find("[data-testid=failures]").TextContent, StringComparison.Ordinal);
        Assert.Contains("never", page.Find("[data-testid=last-syncs]").TextContent, StringComparison.Ordinal);
        Assert.Contains("3 succeeded, 2 failed or parked", page.Find("[data-testid=jobs-per-hour-summary]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tenant_without_jobs_sees_zeros_and_that_nothing_waits()
    {
        var page = context.Bunit.Render<Dashboard>(p => p.Add(d => d.TenantId, context.TenantId));

        page.WaitForAssertion(() => Assert.Contains("nothing waits", page.Find("[data-testid=backlog-figure]").TextContent, StringComparison.Ordinal));
        Assert.Contains("No failed or parked jobs.", page.Find("[data-testid=failures]").TextContent, StringComparison.Ordinal);
        Assert.Contains("No stores yet.", page.Find("[data-testid=last-syncs]").TextContent, StringComparison.Ordinal);
    }

    /// <summary>A job that succeeded once at each of <paramref name="successes"/>; it ends succeeded at the last one.</summary>
    private void Succeeded(PortalDbContext db, Guid storeId, string flow, string subject, params DateTimeOffset[] successes)
    {
        var job = Job(db, storeId, flow, subject, JobState.Succeeded, successes[^1]);
        foreach (var at in successes)
        {
            db.JobStateChanges.Add(new JobStateChange { TenantId = context.TenantId, JobId = job.Id, At = at, From = JobState.Running, To = JobState.Succeeded, Actor = "runner", Reason = "done" });
        }
    }

    private Job Job(PortalDbContext db, Guid storeId, string flow, string subject, JobState state, DateTimeOffset at, string? error = null, string? fixPath = null)
    {
        var job = new Job
        {
            TenantId = context.TenantId, StoreId = storeId, Flow = flow, Subject = subject, SubjectKey = subject, IdentityKey = $"{subject}@{at.UtcTicks}",
            State = state, CreatedAt = at, UpdatedAt = at, NextRunAt = at, LastError = error, FixPath = fixPath, ErrorKind = error is null ? null : "Configuration",
            ErrorFingerprint = error is null ? null : "tax-vat",
        };
        db.Jobs.Add(job);
        if (error is not null)
        {
            db.JobStateChanges.Add(new JobStateChange { TenantId = context.TenantId, JobId = job.Id, At = at, From = JobState.Running, To = state, Actor = "runner", Reason = "parked", Error = error });
        }

        return job;
    }
}
