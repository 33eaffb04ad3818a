namespace Portal.Sync.WooCommerce;

/// <summary>
/// One object of a batch that WooCommerce refused, inside an otherwise successful answer
/// (<c>{"id": 12, "error": {"code", "message"}}</c>); <see cref="Id"/> is null for a refused creation.
/// </summary>
public sealed record WooCommerceBatchFailure(string Operation, string? Id, string Code, string Message);
