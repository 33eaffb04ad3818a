using System.Text.Json.Nodes;
using Portal.Sync.Odoo;

namespace Portal.Sync.Flows.Products;

/// <summary>
/// Active Odoo products by internal reference (default_code) and by barcode, a whole page of store variants in
/// one search_read per field. Odoo's search leaves archived products out unless the domain names "active".
/// </summary>
public sealed class OdooProductLookup(OdooClient odoo)
{
    public const string SkuField = "default_code";
    public const string BarcodeField = "barcode";

    public async Task<ILookup<string, OdooProductCandidate>> ByAsync(string field, IEnumerable<string?> values, CancellationToken cancellationToken)
    {
        var wanted = values.OfType<string>().Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            return Array.Empty<OdooProductCandidate>().ToLookup(c => "");
        }

        var records = await odoo.SearchReadAsync("product.product", OdooDomain.In(field, wanted), ["id", "display_name", SkuField, BarcodeField],
            order: "id", cancellationToken: cancellationToken);
        return records.OfType<JsonObject>()
            .Select(r => new OdooProductCandidate(r.Id(), r.Text("display_name") ?? "", r.Text(SkuField), r.Text(BarcodeField)))
            .Where(c => (field == SkuField ? c.Sku : c.Barcode) is not null)
            .ToLookup(c => field == SkuField ? c.Sku! : c.Barcode!, StringComparer.Ordinal);
    }
}
