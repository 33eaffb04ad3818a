namespace Portal.Sync.Jobs;

/// <summary>How one attempt ended: done, or failed with <see cref="Failure"/>; the runner records it.</summary>
internal sealed record JobOutcome(ClaimedJob Job, TimeSpan Duration, JobFailure? Failure = null);
