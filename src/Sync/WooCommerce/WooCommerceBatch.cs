using System.Text.Json.Nodes;

namespace Portal.Sync.WooCommerce;

/// <summary>
/// The objects of a <c>POST {resource}/batch</c>, as many as needed: the client sends them in requests of at most
/// 100 objects in all (WooCommerce refuses more with 413), creations first, then updates, then deletions.
/// </summary>
public sealed record WooCommerceBatch
{
    public IReadOnlyList<JsonObject> Create { get; init; } = [];

    /// <summary>Each with its <c>id</c> and the fields to change.</summary>
    public IReadOnlyList<JsonObject> Update { get; init; } = [];

    public IReadOnlyList<long> Delete { get; init; } = [];
}
