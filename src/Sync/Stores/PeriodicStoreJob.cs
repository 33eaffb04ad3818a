using System.Linq.Expressions;
using Portal.Data.Entities;

namespace Portal.Sync.Stores;

/// <summary>
/// A per-store job that every instance enqueues on a schedule (see <see cref="PeriodicStoreJobs"/>).
/// </summary>
/// <param name="Flow">The job's flow: a store whose job of it still waits gets no new one.</param>
/// <param name="TakesPart">Which enabled stores get the job.</param>
/// <param name="NeedsOdoo">Only stores of tenants whose Odoo is connected.</param>
/// <param name="RunningWaits">
/// Whether a running job counts as waiting. Not for a poll someone asked for: the running one may already have read
/// past the change the new one is for.
/// </param>
/// <param name="TenantId">Only this tenant's stores; all tenants' when null.</param>
public sealed record PeriodicStoreJob(string Flow, Expression<Func<Store, bool>> TakesPart, bool NeedsOdoo, bool RunningWaits = true, Guid? TenantId = null);
