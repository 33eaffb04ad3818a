namespace Portal.Fakes.WooCommerce;

/// <summary>
/// A request the fake answered: its REST route (null for a page outside the API), the query as PHP read it, how
/// WooCommerce authenticated it ("basic-header", "query-string", "oauth1", or null when no key was accepted) and the status.
/// </summary>
public sealed record FakeWooCommerceRequest(string Method, string? Route, IReadOnlyDictionary<string, string> Query, string? Authentication, int Status);
