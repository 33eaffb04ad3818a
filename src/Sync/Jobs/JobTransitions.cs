using Portal.Data.Entities;

namespace Portal.Sync.Jobs;

/// <summary>The job state machine: which transitions exist. Nothing else decides whether a job may change state.</summary>
public static class JobTransitions
{
    private static readonly Dictionary<JobState, JobState[]> Allowed = new()
    {
        [JobState.Pending] = [JobState.Running, JobState.Cancelled],
        [JobState.Running] = [JobState.Succeeded, JobState.Failed, JobState.NeedsAttention, JobState.Pending],
        [JobState.Failed] = [JobState.Running, JobState.Pending, JobState.Cancelled],
        [JobState.NeedsAttention] = [JobState.Pending, JobState.Cancelled],
        [JobState.Cancelled] = [JobState.Pending],
        [JobState.Succeeded] = [],
    };

    public static bool IsAllowed(JobState from, JobState to) => Allowed[from].Contains(to);

    /// <summary>States a person may retry from.</summary>
    public static readonly JobState[] Retryable = [JobState.Failed, JobState.NeedsAttention, JobState.Cancelled];

    /// <summary>States a person may ignore from.</summary>
    public static readonly JobState[] Ignorable = [JobState.Pending, JobState.Failed, JobState.NeedsAttention];

    /// <summary>States in which the job's identity key is taken: a new job with that key collapses into it.</summary>
    public static bool HoldsIdentity(JobState state) => state is JobState.Pending or JobState.Running or JobState.Failed or JobState.NeedsAttention;
}
