namespace Portal.Sync.Settings.SelfTest;

/// <summary>
/// One check of a store's self-test, e.g. "Tax mappings": its outcome, what was found in words that name the fix,
/// and the page where it is fixed, relative to the tenant's pages (like <see cref="Jobs.JobConfigurationException.FixPath"/>).
/// </summary>
public sealed record SelfTestCheck(string Name, SelfTestOutcome Outcome, string Message, string? FixPath = null);
