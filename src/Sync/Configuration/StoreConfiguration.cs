using Portal.Data.Entities;
using Portal.Sync.Settings;

namespace Portal.Sync.Configuration;

/// <summary>
/// One store, known by its platform and address. A list left out (null) leaves that kind of the store's mappings
/// as it is; a list given, even empty, is the whole set.
/// </summary>
public sealed class StoreConfiguration
{
    public StorePlatform Platform { get; set; }
    public string Name { get; set; } = "";

    /// <summary>The shop's myshopify.com domain, or the WooCommerce site's address.</summary>
    public string Address { get; set; } = "";

    public bool Enabled { get; set; } = true;
    public bool AllowInsecureHttp { get; set; }

    /// <summary>Names of <see cref="StoreFeatures"/> flows: Orders, Refunds, Payments, Customers, Stock, Fulfilment.</summary>
    public List<string> Features { get; set; } = [];

    public ProductDirection ProductDirection { get; set; } = ProductDirection.OdooToStore;
    public string? NotificationEmail { get; set; }
    public StoreCredentialsConfiguration Credentials { get; set; } = new();
    public StoreOrderSettingsForm? OrderSettings { get; set; }
    public OutboundSettingsConfiguration? OutboundSettings { get; set; }
    public List<TaxMappingForm>? TaxMappings { get; set; }
    public List<ShippingMappingForm>? ShippingMappings { get; set; }
    public List<PaymentJournalMappingForm>? JournalMappings { get; set; }
    public List<LocationMappingForm>? LocationMappings { get; set; }

    /// <summary>SKUs linked by hand to Odoo products; the links the order flow makes itself are not configuration.</summary>
    public List<ProductLinkForm>? ProductLinks { get; set; }
}
