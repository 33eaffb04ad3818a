using System.Text.Json.Nodes;
using Portal.Data.Entities;
using Portal.Sync.Commerce;
using Portal.Sync.Jobs;
using Portal.Sync.Odoo;

namespace Portal.Sync.Mapping;

/// <summary>
/// Finds the Odoo product of each order line: its variant's stored link, a link made by hand for its SKU,
/// then Odoo products by SKU (internal reference) and barcode in the order the store's settings give, asked
/// for all of the order's lines in one call per field. What it finds by SKU or barcode it links, so the next
/// order with that variant costs no lookup.
/// </summary>
public sealed class ProductResolver(StoreOrderSetup setup, OdooClient odoo, LinkSet links, JobEffects effects)
{
    public static string VariantKey(CommerceOrderLine line) => line.VariantId ?? SkuKey(line.Sku ?? "");

    public static string SkuKey(string sku) => $"sku:{sku}";

    /// <summary>The store keys whose links this resolver reads, for <see cref="RecordLinks.FindAsync"/>.</summary>
    public static IEnumerable<string> LinkKeys(IEnumerable<CommerceOrderLine> lines) =>
        lines.SelectMany(l => new[] { l.VariantId, l.Sku is { Length: > 0 } sku ? SkuKey(sku) : null }).OfType<string>();

    public async Task<IReadOnlyDictionary<string, long>> ResolveAsync(IReadOnlyList<CommerceOrderLine> lines, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, long>();
        var unlinked = new List<CommerceOrderLine>();
        foreach (var line in lines)
        {
            var linked = (line.VariantId is { } variant ? links.OdooId(RecordLinkKind.Variant, variant) : null)
                         ?? (line.Sku is { Length: > 0 } sku ? links.OdooId(RecordLinkKind.Variant, SkuKey(sku)) : null);
            if (linked is { } productId)
            {
                found[line.Id] = productId;
            }
            else
            {
                unlinked.Add(line);
            }
        }

        if (unlinked.FirstOrDefault(l => string.IsNullOrWhiteSpace(l.Sku)) is { } withoutSku)
        {
            throw new JobConfigurationException($"Line '{withoutSku.Title}' has no SKU and its product is not linked to an Odoo product.", setup.FixPath("mappings/products"));
        }

        var pending = unlinked;
        foreach (var field in Fields())
        {
            if (pending.Count == 0)
            {
                break;
            }

            var bySku = await SearchAsync(field, pending.Select(l => l.Sku!).Distinct().ToList(), cancellationToken);
            foreach (var line in pending.Where(l => bySku.ContainsKey(l.Sku!)).ToList())
            {
                var matches = bySku[line.Sku!];
                if (matches.Count > 1)
                {
                    throw new JobConfigurationException(
                        $"SKU '{line.Sku}' matches {matches.Count} Odoo products by {Label(field)}; link the right one.", setup.FixPath($"mappings/products?sku={Uri.EscapeDataString(line.Sku!)}"));
                }

                found[line.Id] = matches[0];
                effects.Link(RecordLinkKind.Variant, VariantKey(line), "product.product", matches[0]);
                pending.Remove(line);
            }
        }

        if (pending.FirstOrDefault() is { } unresolved)
        {
            throw new JobConfigurationException(
                $"No Odoo product has SKU '{unresolved.Sku}' (line '{unresolved.Title}').", setup.FixPath($"mappings/products?sku={Uri.EscapeDataString(unresolved.Sku!)}"));
        }

        return found;
    }

    private IEnumerable<string> Fields() => setup.Settings.ProductMatching switch
    {
        ProductMatching.BarcodeThenSku => ["barcode", "default_code"],
        ProductMatching.SkuOnly => ["default_code"],
        ProductMatching.BarcodeOnly => ["barcode"],
        _ => ["default_code", "barcode"],
    };

    private static string Label(string field) => field == "barcode" ? "barcode" : "internal reference";

    private async Task<Dictionary<string, List<long>>> SearchAsync(string field, IReadOnlyList<string> values, CancellationToken cancellationToken)
    {
        var records = await odoo.SearchReadAsync("product.product", OdooDomain.In(field, values), ["id", field], cancellationToken: cancellationToken);
        return records.OfType<JsonObject>()
            .Where(r => r.Text(field) is not null)
            .GroupBy(r => r.Text(field)!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(r => r.Id()).ToList(), StringComparer.Ordinal);
    }
}
