using System.Globalization;
using System.Text.Json.Nodes;
using Portal.Sync.Odoo;

namespace Portal.Sync.Flows.Stock;

/// <summary>
/// Odoo's stock as the stores need it, read without an Odoo module: which products' quants or moves changed since a
/// time, and products' free and forecast quantities at a location (the <c>location</c> context key, Odoo 17–19).
/// </summary>
public sealed class OdooStock(OdooClient odoo)
{
    private const int ReadBatch = 1000;
    private const string DateTimeFormat = "yyyy-MM-dd HH:mm:ss";
    private static readonly string[] ChangeModels = ["stock.quant", "stock.move"];
    private static readonly string[] QuantityFields = ["free_qty", "virtual_available"];
    private readonly Dictionary<long, long> warehouseStock = [];

    public async Task<OdooStockChanges> ChangesSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var products = new HashSet<long>();
        DateTimeOffset? position = null;
        var from = since.UtcDateTime.ToString(DateTimeFormat, CultureInfo.InvariantCulture);
        foreach (var model in ChangeModels)
        {
            foreach (var row in (await odoo.SearchReadAsync(model, OdooDomain.Where("write_date", ">=", from), ["product_id", "write_date"],
                         cancellationToken: cancellationToken)).OfType<JsonNode>())
            {
                if (row.ManyToOneId("product_id") is { } product)
                {
                    products.Add(product);
                }

                if (row.Text("write_date") is { } written
                    && DateTimeOffset.TryParseExact(written, DateTimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                    && (position is null || at > position))
                {
                    position = at;
                }
            }
        }

        return new OdooStockChanges(products, position);
    }

    /// <summary>The Odoo location a store location's stock comes from: the mapped location, or the warehouse's stock location.</summary>
    public async Task<long?> LocationAsync(long? locationId, long? warehouseId, CancellationToken cancellationToken)
    {
        if (locationId is not null || warehouseId is not { } warehouse)
        {
            return locationId;
        }

        if (!warehouseStock.TryGetValue(warehouse, out var stock))
        {
            var rows = await odoo.ReadAsync("stock.warehouse", [warehouse], ["lot_stock_id"], cancellationToken);
            if (rows.FirstOrDefault()?.ManyToOneId("lot_stock_id") is not { } found)
            {
                return null;
            }

            warehouseStock[warehouse] = stock = found;
        }

        return stock;
    }

    /// <summary>Each product's quantities at <paramref name="locationId"/> and its children; a product Odoo no longer has is absent.</summary>
    public async Task<IReadOnlyDictionary<long, OdooStockQuantity>> QuantitiesAsync(long locationId, IReadOnlyCollection<long> productIds, CancellationToken cancellationToken)
    {
        var quantities = new Dictionary<long, OdooStockQuantity>();
        foreach (var batch in productIds.Chunk(ReadBatch))
        {
            var rows = await odoo.CallAsync("product.product", "read", batch, new JsonObject { ["fields"] = new JsonArray(QuantityFields.Select(f => (JsonNode)f).ToArray()) },
                new JsonObject { ["location"] = locationId }, cancellationToken);
            foreach (var row in rows?.AsArray().OfType<JsonNode>() ?? [])
            {
                quantities[row.Id()] = new OdooStockQuantity(row.Number("free_qty"), row.Number("virtual_available"));
            }
        }

        return quantities;
    }
}
