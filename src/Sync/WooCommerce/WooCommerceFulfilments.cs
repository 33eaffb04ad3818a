using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.Sync.Commerce;
using Portal.Sync.Stores;

namespace Portal.Sync.WooCommerce;

/// <summary>
/// A WooCommerce site as <see cref="IStoreFulfilments"/>, through REST v3. WooCommerce has no shipments: a delivery
/// becomes an order note naming the delivery, its carrier and tracking (to the customer when they are to be told),
/// and the order is completed once every line is delivered in full. The note's opening names the delivery, so a
/// note already there means the delivery was recorded and nothing is sent again. Its shipping zones' methods are
/// where Odoo's carriers become choices at checkout.
/// </summary>
internal sealed class WooCommerceFulfilments(WooCommerceRestClient rest) : IStoreFulfilments, IStoreShippingMethods
{
    private WooCommerceRestClient Rest { get; } = rest;

    public async Task<bool> FulfilAsync(CommerceOrder order, StoreDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(delivery);
        var path = $"orders/{order.Id}";
        var opening = Opening(delivery);
        var notes = await Rest.GetAsync($"{path}/notes", [], cancellationToken);
        if (notes.ValueKind == JsonValueKind.Array
            && notes.EnumerateArray().Any(n => n.TryGetProperty("note", out var text) && text.GetString()?.StartsWith(opening, StringComparison.Ordinal) == true))
        {
            return false;
        }

        await Rest.PostAsync($"{path}/notes", new JsonObject { ["note"] = Note(opening, delivery), ["customer_note"] = delivery.NotifyCustomer }, cancellationToken);
        if (order.FulfilmentStatus.Meaning != CommerceFulfilmentStatus.Fulfilled
            && order.Lines.All(line => delivery.DeliveredSoFar.GetValueOrDefault(line.Id) >= line.Quantity))
        {
            await Rest.PutAsync(path, new JsonObject { ["status"] = "completed" }, cancellationToken);
        }

        return true;
    }

    public async Task<IReadOnlyList<StoreShippingZone>> ZonesAsync(CancellationToken cancellationToken) =>
        [.. (await Rest.GetAsync("shipping/zones", [], cancellationToken)).EnumerateArray()
            .Select(zone => new StoreShippingZone(zone.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture), zone.GetProperty("name").GetString() ?? ""))];

    public async Task<IReadOnlyList<string>> MethodTitlesAsync(string zoneId, CancellationToken cancellationToken) =>
        [.. (await Rest.GetAsync($"shipping/zones/{zoneId}/methods", [], cancellationToken)).EnumerateArray()
            .Select(method => method.GetProperty("title").GetString() ?? "")];

    public Task AddFlatRateAsync(string zoneId, string title, decimal cost, CancellationToken cancellationToken) =>
        Rest.PostAsync($"shipping/zones/{zoneId}/methods", new JsonObject
        {
            ["method_id"] = "flat_rate",
            ["settings"] = new JsonObject { ["title"] = title, ["cost"] = cost.ToString(CultureInfo.InvariantCulture) },
        }, cancellationToken);

    private static string Opening(StoreDelivery delivery) => $"Shipped with delivery {delivery.Reference}";

    private static string Note(string opening, StoreDelivery delivery)
    {
        var note = new StringBuilder(opening);
        if (delivery.Carrier is { } carrier)
        {
            note.Append(CultureInfo.InvariantCulture, $" by {carrier}");
        }

        note.Append('.');
        if (delivery.TrackingNumber is { } number)
        {
            note.Append(CultureInfo.InvariantCulture, $" Tracking number: {number}.");
        }

        if (delivery.TrackingUrl is { } url)
        {
            note.Append(CultureInfo.InvariantCulture, $" Track it at {url}");
        }

        return note.ToString();
    }
}
