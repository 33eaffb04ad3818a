namespace Portal.Sync.Settings.SelfTest;

/// <summary>A store's self-test: each check in a fixed order, and the recent orders the dry run went through.</summary>
public sealed record SelfTestReport(IReadOnlyList<SelfTestCheck> Checks, IReadOnlyList<DryRunOrder> Orders)
{
    public int Count(SelfTestOutcome outcome) => Checks.Count(c => c.Outcome == outcome);

    public string Summary =>
        $"{Count(SelfTestOutcome.Passed)} passed, {Count(SelfTestOutcome.Warning)} warnings, {Count(SelfTestOutcome.Failed)} failed; " +
        $"dry run: {Orders.Count(o => o.Outcome != SelfTestOutcome.Failed)} of {Orders.Count} orders would import";
}
