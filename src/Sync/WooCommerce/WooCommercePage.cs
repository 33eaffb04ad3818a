using System.Text.Json;

namespace Portal.Sync.WooCommerce;

/// <summary>One page of a listing and the page count WooCommerce reported in <c>X-WP-TotalPages</c>.</summary>
internal sealed record WooCommercePage(IReadOnlyList<JsonElement> Items, int Page, int TotalPages)
{
    public bool HasNext => Page < TotalPages;
}
