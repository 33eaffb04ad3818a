namespace Portal.Fakes.Shopify;

/// <summary>A fulfillment created with fulfillmentCreate: what it shipped of each line (by index), its tracking, and whether the customer was to be told.</summary>
public sealed record FakeShopifyFulfilment(
    long Id,
    DateTimeOffset CreatedAt,
    IReadOnlyList<(int LineIndex, int Quantity)> Lines,
    string? TrackingCompany,
    string? TrackingNumber,
    string? TrackingUrl,
    bool NotifyCustomer);
