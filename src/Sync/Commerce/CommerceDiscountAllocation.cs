namespace Portal.Sync.Commerce;

/// <summary>
/// The part of a discount that fell on one line or shipping line. <see cref="Code"/> and <see cref="Title"/> name
/// the discount when the store says which one it was.
/// </summary>
public sealed record CommerceDiscountAllocation(decimal Amount, string? Code, string? Title);
