namespace Portal.Sync.Commerce;

/// <summary>
/// A store payload that cannot become the canonical model: not JSON, not an object, or a field missing or of the
/// wrong kind. The message names the resource and the field's path, e.g.
/// <c>Shopify order payload: line_items[0].price is not an amount: "example string"</c>.
/// </summary>
public sealed class CommercePayloadException(string resource, string problem)
    : Exception($"{resource} payload: {problem}")
{
    /// <summary>What was being read, e.g. "Shopify order" or "WooCommerce product variation".</summary>
    public string Resource { get; } = resource;
}
