using System.Data.Common;
using Microsoft.EntityFrameworkCore.Metadata;
using Portal.Data.Entities;

namespace Portal.Sync.Jobs;

/// <summary>Writes an attempt's <see cref="JobEffects"/> links (and removes its unlinked ones) in the transaction that records its outcome.</summary>
internal static class JobEffectsWriter
{
    /// <summary>
    /// Updates each link, or inserts it when the store record has none. Two jobs linking the same new record at
    /// once (two first orders of one customer) collide on the unique index on SQL Server; the caller runs its
    /// transaction again, and the second time the update finds the row.
    /// </summary>
    public static async Task WriteLinksAsync(IModel model, DbTransaction transaction, ClaimedJob job, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (job.StoreId is not { } storeId)
        {
            return;
        }

        foreach (var (kind, storeKey) in job.Effects.Unlinks)
        {
            using var delete = new JobSqlCommand(model, transaction, JobStatements.DeleteLink)
                .Bind<RecordLink>("@StoreId", nameof(RecordLink.StoreId), storeId)
                .Bind<RecordLink>("@Kind", nameof(RecordLink.Kind), kind)
                .Bind<RecordLink>("@StoreKey", nameof(RecordLink.StoreKey), storeKey);
            await delete.ExecuteAsync(cancellationToken);
        }

        foreach (var link in job.Effects.Links)
        {
            using var update = Bind(new JobSqlCommand(model, transaction, JobStatements.UpdateLink), storeId, link, now);
            if (await update.ExecuteAsync(cancellationToken) == 0)
            {
                using var insert = Bind(new JobSqlCommand(model, transaction, JobStatements.InsertLink), storeId, link, now)
                    .Bind<RecordLink>("@Id", nameof(RecordLink.Id), Guid.CreateVersion7())
                    .Bind<RecordLink>("@TenantId", nameof(RecordLink.TenantId), job.TenantId);
                await insert.ExecuteAsync(cancellationToken);
            }
        }
    }

    private static JobSqlCommand Bind(JobSqlCommand sql, Guid storeId, RecordLinkWrite link, DateTimeOffset now) => sql
        .Bind<RecordLink>("@StoreId", nameof(RecordLink.StoreId), storeId)
        .Bind<RecordLink>("@Kind", nameof(RecordLink.Kind), link.Kind)
        .Bind<RecordLink>("@StoreKey", nameof(RecordLink.StoreKey), link.StoreKey)
        .Bind<RecordLink>("@OdooModel", nameof(RecordLink.OdooModel), link.OdooModel)
        .Bind<RecordLink>("@OdooId", nameof(RecordLink.OdooId), link.OdooId)
        .Bind<RecordLink>("@Fingerprint", nameof(RecordLink.Fingerprint), link.Fingerprint)
        .Bind<RecordLink>("@Now", nameof(RecordLink.UpdatedAt), now);
}
