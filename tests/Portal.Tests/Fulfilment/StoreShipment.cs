namespace Portal.Tests.Fulfilment;

/// <summary>What a store recorded of one delivery, whichever the platform: its carrier, tracking, and whether the customer was told.</summary>
public sealed record StoreShipment(string? Carrier, string? TrackingNumber, string? TrackingUrl, bool CustomerNotified);
