using System.Text.Json;
using Portal.Sync.Stores;

namespace Portal.Sync.Flows.Fulfilment;

/// <summary>
/// A done Odoo delivery of a linked store order, as the poll found it and a <see cref="FulfilmentCreateFlow"/> job
/// carries it: the order and picking it is about, and what it shipped of each store line (see <see cref="StoreDelivery"/>).
/// </summary>
public sealed record DeliveredPicking(
    string OrderId,
    long PickingId,
    string Reference,
    string? Carrier,
    string? TrackingNumber,
    string? TrackingUrl,
    IReadOnlyDictionary<string, int> Lines,
    IReadOnlyDictionary<string, int> DeliveredSoFar)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The store key of the picking's <see cref="Data.Entities.RecordLinkKind.Fulfilment"/> link: a store may have no id for what it recorded.</summary>
    public string LinkKey => LinkKeyOf(PickingId);

    public static string LinkKeyOf(long pickingId) => FormattableString.Invariant($"picking:{pickingId}");

    public static DeliveredPicking Parse(string payload) =>
        JsonSerializer.Deserialize<DeliveredPicking>(payload, Json) ?? throw new InvalidOperationException("The job's payload names no delivery.");

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public StoreDelivery ToStoreDelivery(bool notifyCustomer) =>
        new(Reference, [.. Lines.Select(line => new StoreDeliveryLine(line.Key, line.Value))], Carrier, TrackingNumber, TrackingUrl, notifyCustomer, DeliveredSoFar);
}
