namespace Portal.Sync.Stores;

/// <summary>What a stock write did: the items now set (by inventory item id) and the ones the store refused, with its reason.</summary>
public sealed record StoreStockWrite(IReadOnlyCollection<string> Set, IReadOnlyDictionary<string, string> Failures, int Calls);
