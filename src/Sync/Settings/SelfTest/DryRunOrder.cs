namespace Portal.Sync.Settings.SelfTest;

/// <summary>What the order flow would do with one store order ("would create a sale order of 3 lines"), or why it would stop.</summary>
public sealed record DryRunOrder(string OrderId, string OrderName, SelfTestOutcome Outcome, string Message, string? FixPath = null);
