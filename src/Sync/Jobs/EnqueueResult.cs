namespace Portal.Sync.Jobs;

public enum EnqueueOutcome
{
    Created,

    /// <summary>The same event is already pending, running, failed or parked: merged into that job.</summary>
    Collapsed,

    /// <summary>The same event already succeeded: counted on that job, not run again.</summary>
    SkippedDuplicate,
}

public sealed record EnqueueResult(Guid JobId, EnqueueOutcome Outcome);
