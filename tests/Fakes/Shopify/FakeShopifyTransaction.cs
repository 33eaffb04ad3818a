namespace Portal.Fakes.Shopify;

/// <summary>
/// A movement of money on a fake order, in GraphQL's enum spelling: <see cref="Kind"/> SALE or REFUND,
/// <see cref="Status"/> SUCCESS; <see cref="Gateway"/> as Shopify names it ("bogus", "gift_card").
/// </summary>
public sealed record FakeShopifyTransaction(long Id, string Gateway, string Kind, string Status, decimal Amount, DateTimeOffset ProcessedAt);
