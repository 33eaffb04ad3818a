using Portal.Data.Entities;

namespace Portal.Sync.Jobs;

/// <summary>Everything the inspector's detail drawer shows about one job.</summary>
public sealed record JobDetail(
    JobRow Job,
    string IdentityKey,
    string Payload,
    int MaxAttempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset NextRunAt,
    JobRecordLinks Links,
    IReadOnlyList<JobAttempt> Attempts,
    IReadOnlyList<JobHistoryEntry> History);

/// <summary>One transition of the job, as its history records it.</summary>
public sealed record JobHistoryEntry(DateTimeOffset At, JobState? From, JobState To, string Actor, string Reason, string? Error, TimeSpan? Duration, string? ErrorDetail = null);

/// <summary>One run of the job: who ran it, for how long, and how it ended (null while it still runs).</summary>
public sealed record JobAttempt(int Number, DateTimeOffset StartedAt, string Claim, TimeSpan? Duration, JobState? Outcome, string? Error)
{
    /// <summary>Reads the attempts out of the history: each claim starts one, the next transition out of Running ends it.</summary>
    public static IReadOnlyList<JobAttempt> From(IReadOnlyList<JobHistoryEntry> history)
    {
        var attempts = new List<JobAttempt>();
        foreach (var change in history)
        {
            if (change.To == JobState.Running)
            {
                attempts.Add(new JobAttempt(attempts.Count + 1, change.At, change.Reason, null, null, null));
            }
            else if (change.From == JobState.Running && attempts.Count > 0 && attempts[^1].Outcome is null)
            {
                attempts[^1] = attempts[^1] with { Duration = change.Duration, Outcome = change.To, Error = change.Error };
            }
        }

        return attempts;
    }
}
