using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Jobs;
using Portal.Sync.Stores;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Notifications;

/// <summary>
/// Emails a store's notification address the jobs of the store that failed or parked during one alert interval, read
/// from their history; an interval in which nothing went wrong sends nothing. The interval is in the job's payload,
/// so a retry after a lost answer covers the same jobs.
/// </summary>
public sealed class StoreAlertFlow(PortalDbContextActivator activator, IAlertMailer mailer, IOptions<StoresOptions> stores) : IJobHandler
{
    public const string Name = "store.alerts";

    /// <summary>More jobs than this are counted, not listed: an alert is a prompt to look, not the list itself.</summary>
    public const int JobsListed = 50;

    public string Flow => Name;

    public static JobRequest Request(Guid storeId, string storeName, DateTimeOffset from, DateTimeOffset to) =>
        new(Name, $"Email {storeName}'s alerts", $"store-alerts:{storeId}", $"store-alerts:{storeId}:{to.UtcTicks}",
            new JsonObject { ["from"] = from.UtcDateTime, ["to"] = to.UtcDateTime }.ToJsonString(), storeId, Priority: -1);

    public async Task RunAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        await using var db = activator.Create(TenantContext.SystemFor(job.TenantId));
        var store = await db.Stores.AsNoTracking().SingleOrDefaultAsync(s => s.Id == job.StoreId, cancellationToken);
        if (store is null || store.RemovedAt is not null || store.NotificationEmail is null || !mailer.IsConfigured)
        {
            return;
        }

        var payload = JsonNode.Parse(job.Payload)!;
        var from = new DateTimeOffset(payload["from"]!.GetValue<DateTime>(), TimeSpan.Zero);
        var to = new DateTimeOffset(payload["to"]!.GetValue<DateTime>(), TimeSpan.Zero);
        var storeJobs = db.Jobs.Where(j => j.StoreId == store.Id && j.Flow != Name);
        var changes = await db.JobStateChanges.AsNoTracking()
            .Where(c => c.At >= from && c.At < to && (c.To == JobState.Failed || c.To == JobState.NeedsAttention))
            .Join(storeJobs, c => c.JobId, j => j.Id, (c, j) => new { j.Id, j.Subject, j.Flow, c.To, c.At, c.Error })
            .ToListAsync(cancellationToken);
        if (changes.Count == 0)
        {
            return;
        }

        // A job retried several times in the interval is one line, as it last was.
        var latest = changes.GroupBy(c => c.Id).Select(g => g.MaxBy(c => c.At)!).OrderBy(c => c.At).ToList();
        var body = new StringBuilder();
        body.AppendLine(CultureInfo.InvariantCulture,
            $"{Count(latest.Count)} of {store.Name} failed or stopped for a person between {Time(from)} and {Time(to)} UTC:");
        body.AppendLine();
        foreach (var change in latest.Take(JobsListed))
        {
            var state = change.To == JobState.NeedsAttention ? "needs attention" : "failed, will retry";
            body.AppendLine(CultureInfo.InvariantCulture, $"- {change.Subject} ({change.Flow}), {state}: {change.Error ?? "no error recorded"}");
        }

        if (latest.Count > JobsListed)
        {
            body.AppendLine(CultureInfo.InvariantCulture, $"- and {latest.Count - JobsListed} more.");
        }

        body.AppendLine();
        body.AppendLine(stores.Value.PublicBaseUrl is { } portal
            ? $"See them on the Jobs page: {new Uri(portal, $"t/{job.TenantId}/jobs")}"
            : "See them on the portal's Jobs page.");
        body.AppendLine(CultureInfo.InvariantCulture, $"These alerts go to {store.NotificationEmail}; change it on the store's Monitor tab.");
        await mailer.SendAsync(new AlertMail(store.NotificationEmail, $"{store.Name}: {Count(latest.Count)} failed or parked", body.ToString()), cancellationToken);
    }

    private static string Count(int jobs) => jobs == 1 ? "1 job" : $"{jobs.ToString(CultureInfo.InvariantCulture)} jobs";

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
