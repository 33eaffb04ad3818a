namespace Portal.Sync.Jobs;

/// <summary>
/// What went wrong in one attempt. <see cref="FixPath"/> links to the page where a configuration error is
/// fixed; <see cref="RetryAfter"/> carries a rate limit's wait; <see cref="Fingerprint"/> groups jobs that
/// fail for the same root cause.
/// </summary>
public sealed record JobFailure(JobErrorKind Kind, string Message, string? FixPath = null, TimeSpan? RetryAfter = null, string? Detail = null)
{
    public string Fingerprint => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{Kind}|{Message}")))[..16];
}
