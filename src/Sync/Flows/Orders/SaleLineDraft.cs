using System.Text.Json.Nodes;

namespace Portal.Sync.Flows.Orders;

/// <summary>One sale order line to write, and the store key its link is kept under ("{order}/{line}", "{order}/shipping/0").</summary>
public sealed record SaleLineDraft(string StoreKey, JsonObject Values);
