namespace Portal.Sync.Jobs;

/// <summary>
/// Retry policy as data, bound from "Jobs:Retry": defaults, and overrides per flow ("Jobs:Retry:Flows:orders.import").
/// Transient failures back off exponentially with jitter; a rate limit's Retry-After wins when longer.
/// </summary>
public sealed class JobRetryPolicy
{
    public int MaxAttempts { get; set; } = 8;
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromHours(1);
    public Dictionary<string, JobRetryPolicy> Flows { get; set; } = [];

    public JobRetryPolicy For(string flow) => Flows.TryGetValue(flow, out var specific) ? specific : this;

    /// <summary>The wait before attempt <paramref name="attempt"/> + 1; <paramref name="jitter"/> in [0, 1) spreads retries apart.</summary>
    public TimeSpan DelayAfter(int attempt, TimeSpan? retryAfter, double jitter)
    {
        var exponential = BaseDelay.TotalSeconds * Math.Pow(2, Math.Max(0, attempt - 1));
        var capped = Math.Min(exponential, MaxDelay.TotalSeconds);
        var delay = TimeSpan.FromSeconds(capped * (0.8 + (0.4 * jitter)));
        return retryAfter is { } wait && wait > delay ? wait : delay;
    }
}
