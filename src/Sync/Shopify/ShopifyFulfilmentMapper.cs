using Portal.Sync.Commerce;

namespace Portal.Sync.Shopify;

internal static class ShopifyFulfilmentMapper
{
    public static CommerceFulfilment Map(PayloadNode fulfilment)
    {
        var status = fulfilment.Text("status");
        return new CommerceFulfilment
        {
            Id = fulfilment.ShopifyId("Fulfillment"),
            OrderId = fulfilment.RequiredId("order_id"),
            Status = new(StateOf(status), status),
            CreatedAt = fulfilment.Time("created_at"),
            Lines = fulfilment.Objects("line_items")
                .Select(line => new CommerceFulfilmentLine(line.ShopifyId("LineItem"), line.RequiredInteger("quantity")))
                .ToList(),
            TrackingCompany = fulfilment.Text("tracking_company"),
            TrackingNumbers = ListOrSingle(fulfilment, "tracking_numbers", "tracking_number"),
            TrackingUrls = ListOrSingle(fulfilment, "tracking_urls", "tracking_url"),
        };
    }

    /// <summary>The plural field when it has entries; older payloads have only the singular one.</summary>
    private static IReadOnlyList<string> ListOrSingle(PayloadNode fulfilment, string plural, string singular) =>
        fulfilment.Texts(plural) is { Count: > 0 } many ? many
        : fulfilment.Text(singular) is { } one ? [one]
        : [];

    internal static CommerceFulfilmentState StateOf(string? status) => status switch
    {
        "pending" => CommerceFulfilmentState.Pending,
        "open" => CommerceFulfilmentState.Open,
        "success" => CommerceFulfilmentState.Success,
        "cancelled" => CommerceFulfilmentState.Cancelled,
        "error" => CommerceFulfilmentState.Error,
        "failure" => CommerceFulfilmentState.Failure,
        _ => CommerceFulfilmentState.Other,
    };
}
