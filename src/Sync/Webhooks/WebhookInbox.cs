using System.Threading.Channels;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Jobs;

namespace Portal.Sync.Webhooks;

/// <summary>
/// Keeps verified deliveries. A delivery's inbox row and the job it queues are written in one transaction, so
/// whenever the process stops, either both are committed or neither is: a delivery is never kept without its
/// job nor queued without its row. The sender gets its 200 only after the commit: had the process stopped
/// before, nothing was kept and Shopify resends (WooCommerce never resends; polling finds the change), and had
/// it stopped after, the resend finds the row and is only counted. Nothing is lost or queued twice, and no
/// later repair (a sweep for rows without their job) is needed.
/// <para>
/// Group commit: one writer takes every delivery waiting when it is free and commits them in one transaction
/// (on SQLite in the job store's turn to write). Alone, a delivery commits at once; under load, deliveries that
/// arrive during a commit share the next one. The writer keeps one connection, whose statements stay prepared,
/// until a transaction on it fails. A failed transaction (another instance on SQL Server kept the same delivery or
/// queued the same event a moment earlier, one delivery cannot be written, or the kept connection died) is
/// redone one delivery per transaction on a fresh connection, so each caller gets its own delivery's outcome.
/// </para>
/// </summary>
public sealed class WebhookInbox : IAsyncDisposable
{
    // Bounds a transaction's length, so the job worker's writes never wait behind a long one.
    private const int MaxDeliveriesPerCommit = 100;

    private readonly JobStore jobs;
    private readonly Channel<Pending> waiting = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task writer;
    private JobConnection? connection;

    public WebhookInbox(JobStore jobs)
    {
        this.jobs = jobs;
        writer = Task.Run(WriteAllAsync);
    }

    /// <summary>
    /// Keeps <paramref name="delivery"/> and queues <paramref name="job"/> for it (none for a delivery that cannot
    /// be used); returns when both are committed, or where the same delivery was kept before.
    /// </summary>
    public Task<InboxEntry> KeepAsync(WebhookDelivery delivery, JobRequest? job, CancellationToken cancellationToken = default)
    {
        var pending = new Pending(delivery, job);
        if (!waiting.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(WebhookInbox), "The portal is shutting down.");
        }

        // A caller that stops waiting leaves its delivery to be kept: it is already on its way.
        return pending.Kept.Task.WaitAsync(cancellationToken);
    }

    private async Task WriteAllAsync()
    {
        var batch = new List<Pending>(MaxDeliveriesPerCommit);
        while (await waiting.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxDeliveriesPerCommit && waiting.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            await WriteAsync(batch);
            batch.Clear();
        }
    }

    private async Task WriteAsync(List<Pending> batch)
    {
        try
        {
            var entries = await WriteAsync((write, token) => KeepAllAsync(write, batch, token));
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Kept.SetResult(entries[i]);
            }

            return;
        }
        catch (Exception)
        {
            // Rolled back as a whole: each delivery is written again on its own, on a fresh connection, below.
            // Also a lone delivery: the kept connection may have died while idle (SQL Server closes idle ones).
        }

        foreach (var pending in batch)
        {
            await WriteAloneAsync(pending);
        }
    }

    private async Task<List<InboxEntry>> KeepAllAsync(JobConnection write, List<Pending> batch, CancellationToken cancellationToken)
    {
        var entries = new List<InboxEntry>(batch.Count);
        foreach (var pending in batch)
        {
            entries.Add(await KeepAsync(write, pending, cancellationToken));
        }

        return entries;
    }

    private async Task<T> WriteAsync<T>(Func<JobConnection, CancellationToken, Task<T>> work)
    {
        connection ??= await jobs.ConnectAsync(CancellationToken.None);
        try
        {
            return await jobs.WriteAsync(connection, work, CancellationToken.None);
        }
        catch
        {
            // The failure may have broken the connection (a network error on SQL Server): the next transaction opens a fresh one.
            await connection.DisposeAsync();
            connection = null;
            throw;
        }
    }

    private async Task WriteAloneAsync(Pending pending)
    {
        // Ends: a unique violation means another instance committed this delivery or its event's job since this
        // transaction looked, and the next one finds it.
        while (true)
        {
            try
            {
                pending.Kept.SetResult(await WriteAsync((write, token) => KeepAsync(write, pending, token)));
                return;
            }
            catch (Exception ex) when (DbErrors.IsUniqueViolation(ex))
            {
            }
            catch (Exception ex)
            {
                pending.Kept.SetException(ex);
                return;
            }
        }
    }

    private async Task<InboxEntry> KeepAsync(JobConnection write, Pending pending, CancellationToken cancellationToken)
    {
        var delivery = pending.Delivery;
        if (await CountRedeliveryAsync(write, delivery, cancellationToken) is { } kept)
        {
            return kept;
        }

        var jobId = pending.Job is { } job ? (await jobs.EnqueueAsync(write, delivery.TenantId, job, cancellationToken)).JobId : (Guid?)null;
        await write.Statement(InboxStatements.Keep)
            .Bind<WebhookDelivery>("@Id", nameof(WebhookDelivery.Id), delivery.Id)
            .Bind<WebhookDelivery>("@TenantId", nameof(WebhookDelivery.TenantId), delivery.TenantId)
            .Bind<WebhookDelivery>("@StoreId", nameof(WebhookDelivery.StoreId), delivery.StoreId)
            .Bind<WebhookDelivery>("@Topic", nameof(WebhookDelivery.Topic), delivery.Topic)
            .Bind<WebhookDelivery>("@DeliveryKey", nameof(WebhookDelivery.DeliveryKey), delivery.DeliveryKey)
            .Bind<WebhookDelivery>("@ReceivedAt", nameof(WebhookDelivery.ReceivedAt), delivery.ReceivedAt)
            .Bind<WebhookDelivery>("@Body", nameof(WebhookDelivery.Body), delivery.Body)
            .Bind<WebhookDelivery>("@ContentType", nameof(WebhookDelivery.ContentType), delivery.ContentType)
            .Bind<WebhookDelivery>("@Headers", nameof(WebhookDelivery.Headers), delivery.Headers)
            .Bind<WebhookDelivery>("@Status", nameof(WebhookDelivery.Status), delivery.Status)
            .Bind<WebhookDelivery>("@Problem", nameof(WebhookDelivery.Problem), delivery.Problem)
            .Bind<WebhookDelivery>("@JobId", nameof(WebhookDelivery.JobId), jobId)
            .ExecuteAsync(cancellationToken);
        return new InboxEntry(delivery.Id, jobId, Redelivered: false);
    }

    private static async Task<InboxEntry?> CountRedeliveryAsync(JobConnection write, WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        await using var reader = await write.Statement(InboxStatements.CountRedelivery)
            .Bind<WebhookDelivery>("@StoreId", nameof(WebhookDelivery.StoreId), delivery.StoreId)
            .Bind<WebhookDelivery>("@DeliveryKey", nameof(WebhookDelivery.DeliveryKey), delivery.DeliveryKey)
            .ReadAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new InboxEntry(reader.GetGuid(0), await reader.IsDBNullAsync(1, cancellationToken) ? null : reader.GetGuid(1), Redelivered: true)
            : null;
    }

    public async ValueTask DisposeAsync()
    {
        // Deliveries already handed over are still kept: their senders are waiting for the answer.
        waiting.Writer.TryComplete();
        await writer;
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
    }

    private sealed class Pending(WebhookDelivery delivery, JobRequest? job)
    {
        public WebhookDelivery Delivery { get; } = delivery;

        public JobRequest? Job { get; } = job;

        // Completed by the writer: the caller's continuation (answering the request) must not run on the writer's turn.
        public TaskCompletionSource<InboxEntry> Kept { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
