namespace Portal.Auth;

/// <summary>A change to the members that would leave the tenant in a bad state, e.g. without an owner.</summary>
public sealed class TeamRuleException(string message) : InvalidOperationException(message);
