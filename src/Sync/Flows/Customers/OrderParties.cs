namespace Portal.Sync.Flows.Customers;

/// <summary>The Odoo contacts of one sale order: the customer, and where it is invoiced and delivered.</summary>
public sealed record OrderParties(long CustomerId, long InvoiceAddressId, long ShippingAddressId);
