using Microsoft.EntityFrameworkCore;
using Portal.Data.Entities;
using Portal.Fakes.Odoo;
using Portal.Fakes.Orders;
using Portal.Sync.Odoo;
using Portal.Sync.Odoo.Connection;
using Portal.Sync.Settings;
using Portal.Sync.Stores;
using Portal.Tests.Stores;

namespace Portal.Tests.Orders;

/// <summary>
/// One store of either platform connected to the real portal (its workers running) and a fake Odoo, set up as a
/// merchant would: taxes, gateways, shipping and the discount, tip, duty, fee and shipping products mapped, returns
/// made on restock. The scenarios place orders in the store and deliver its signed webhooks; what the two platforms
/// do differently (how an order is changed, refunded, cancelled and announced) is each subclass's.
/// </summary>
public abstract class OrderToCashStore : IAsyncLifetime
{
    public static readonly FakeTaxSpec StateTax = new("State Tax", 0.05m);
    public static readonly FakeTaxSpec CountyTax = new("County Tax", 0.10m);
    public static readonly FakeTaxSpec Vat = new("VAT", 0.15m);
    public static readonly FakeTaxSpec Tva = new("TVA", 0.20m, "FR");

    /// <summary>The shipping method mapped to Odoo's "Standard delivery" carrier.</summary>
    public const string ShippingMethod = "standard";

    internal StoreIntakeHost Portal { get; private set; } = default!;

    public FakeOdooServer Odoo { get; private set; } = default!;

    public Guid StoreId { get; private set; }

    public Guid TenantId => Portal.TenantId;

    /// <summary>The Odoo carrier shipping <see cref="ShippingMethod"/> goes with.</summary>
    public long StandardCarrierId { get; private set; }

    /// <summary>The gateway whose payments the store's orders use unless a scenario picks another; mapped to the Bank journal.</summary>
    public abstract string DefaultGateway { get; }

    protected abstract int SubscriptionCount { get; }

    public async Task InitializeAsync()
    {
        Odoo = await FakeOdooServer.StartAsync(18);
        await StartPlatformAsync();
        Portal = await StoreIntakeHost.StartAsync(ConfigurePortal);
        await Portal.ConnectOdooAsync(Odoo);
        var connected = await Portal.AsOwnerAsync(ConnectAsync);
        Assert.True(connected.Connected, connected.Message);
        StoreId = connected.StoreId!.Value;
        await Portal.EventuallyAsync(db => db.WebhookSubscriptions.CountAsync(s => s.Status == WebhookSubscriptionStatus.Active), n => n == SubscriptionCount,
            "the store's webhooks to be registered");
        StandardCarrierId = Odoo.Service.Inspect(db => db.Ids("delivery.carrier").First(id => db.DisplayName("delivery.carrier", id) == "Standard delivery"));
        await ConfigureAsync();
    }

    public async Task DisposeAsync()
    {
        await Portal.DisposeAsync();
        await StopPlatformAsync();
        await Odoo.DisposeAsync();
    }

    /// <summary>The Odoo product (product.product) with the internal reference <paramref name="sku"/>.</summary>
    public long ProductId(string sku) =>
        Odoo.Service.Inspect(db => db.Ids("product.product").Single(id => db.Raw("product.product", id)["default_code"]?.GetValue<string>() == sku));

    /// <summary>A scope acting as the tenant's owner, as the settings pages run.</summary>
    public AsyncServiceScope AsOwner() => Portal.Host.ScopeAsMember(TenantId, TenantRole.Owner, "owner-1", "owner@alpha.test");

    /// <summary>Puts the order into the store as its checkout does (without announcing it); returns its id.</summary>
    public abstract string Add(FakeOrderSpec spec);

    /// <summary>Delivers the store's "order created" webhook for the order as it is now.</summary>
    public abstract Task SendCreatedAsync(string orderId);

    /// <summary>Delivers the store's "order updated" webhook for the order as it is now.</summary>
    public abstract Task SendUpdatedAsync(string orderId);

    /// <summary>Edits the order in the store, as the merchant would (without announcing it).</summary>
    public abstract void Update(string orderId, Func<FakeOrderSpec, FakeOrderSpec> edit);

    /// <summary>Refunds the order in the store and announces it as the platform does; returns the refund's id.</summary>
    public abstract Task<string> RefundAsync(string orderId, FakeRefundSpec refund);

    /// <summary>Cancels the order in the store and announces it as the platform does.</summary>
    public abstract Task CancelAsync(string orderId);

    /// <summary>The order's name as the store shows it, which becomes the sale order's customer reference.</summary>
    public abstract string OrderName(string orderId);

    public async Task<string> PlaceAsync(FakeOrderSpec spec)
    {
        var orderId = Add(spec);
        await SendCreatedAsync(orderId);
        return orderId;
    }

    /// <summary>Replaces the portal's services before it starts (a scenario's clock, say); nothing by default.</summary>
    protected virtual void ConfigurePortal(IServiceCollection services)
    {
    }

    protected abstract Task StartPlatformAsync();

    protected abstract Task StopPlatformAsync();

    protected abstract Task<StoreConnectResult> ConnectAsync(StoreDirectory stores);

    private async Task ConfigureAsync()
    {
        await using var scope = AsOwner();
        var services = scope.ServiceProvider;
        await services.GetRequiredService<StoreOrderSettingsService>().SaveAsync(StoreId, new StoreOrderSettingsForm
        {
            ImportMode = OrderImportMode.ConfirmedOrder,
            ImportUnpaidOrders = true,
            ProductMatching = ProductMatching.SkuThenBarcode,
            CustomerStrategy = CustomerStrategy.MatchByEmail,
            DiscountMode = DiscountMode.DiscountProductLine,
            DiscountProductId = ProductId("DISCOUNT"),
            ShippingProductId = ProductId("Delivery_007"),
            TipProductId = ProductId("TIP"),
            DutyProductId = ProductId("DUTIES"),
            FeeProductId = ProductId("FEE"),
            InvoicePolicy = InvoicePolicy.OnImport,
            UninvoicedRefunds = UninvoicedRefundPolicy.StandaloneCreditNote,
            ReturnPickingOnRestock = true,
            TotalTolerance = 0.01m,
        });

        var taxes = services.GetRequiredService<TaxMappings>();
        await taxes.AddAsync(StoreId, new TaxMappingForm { Title = StateTax.Title, Rate = StateTax.Rate, OdooTaxId = OdooTaxes.FivePercent });
        await taxes.AddAsync(StoreId, new TaxMappingForm { Title = CountyTax.Title, Rate = CountyTax.Rate, OdooTaxId = OdooTaxes.TenPercent });
        await taxes.AddAsync(StoreId, new TaxMappingForm { Title = Vat.Title, Rate = Vat.Rate, OdooTaxId = OdooTaxes.FifteenPercent });
        await taxes.AddAsync(StoreId, new TaxMappingForm { Title = Tva.Title, Rate = Tva.Rate, CountryCode = "FR", PriceIncluded = true, OdooTaxId = OdooTaxes.TvaIncluded });

        var journals = services.GetRequiredService<PaymentJournalMappings>();
        await journals.AddAsync(StoreId, new PaymentJournalMappingForm { Gateway = DefaultGateway, OdooJournalId = OdooJournals.Bank });
        await journals.AddAsync(StoreId, new PaymentJournalMappingForm { Gateway = "paypal", OdooJournalId = OdooJournals.PayPal });
        await journals.AddAsync(StoreId, new PaymentJournalMappingForm { Gateway = "gift_card", OdooJournalId = OdooJournals.GiftCard });

        await services.GetRequiredService<ShippingMappings>().AddAsync(StoreId, new ShippingMappingForm { Method = ShippingMethod, OdooCarrierId = StandardCarrierId });
    }
}
