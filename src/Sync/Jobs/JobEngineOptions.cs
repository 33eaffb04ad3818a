namespace Portal.Sync.Jobs;

/// <summary>Bound from "Jobs": how this instance runs jobs.</summary>
public sealed class JobEngineOptions
{
    /// <summary>Names this instance in leases and history; unique per process by default.</summary>
    public string InstanceId { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>Jobs this instance runs at once.</summary>
    public int Concurrency { get; set; } = 4;

    /// <summary>
    /// Jobs of one store that run at once across all instances, so one busy store neither takes every worker
    /// nor floods its platform's API; other stores' jobs run beside it.
    /// </summary>
    public int StoreConcurrency { get; set; } = 2;

    /// <summary>How often the worker looks for due work when idle.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>One attempt's limit; it is cancelled and retried after this.</summary>
    public TimeSpan JobTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long a claim holds; longer than <see cref="JobTimeout"/>, so a live worker never loses its job.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long succeeded jobs are kept; failed and parked jobs are kept until a person acts.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Jobs deleted per statement when purging.</summary>
    public int PurgeBatchSize { get; set; } = 500;
}
