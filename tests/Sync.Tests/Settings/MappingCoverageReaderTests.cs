using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Commerce;
using Portal.Sync.Settings.Coverage;
using Portal.Sync.Tenancy;
using Portal.Sync.Tests.Stores;

namespace Portal.Sync.Tests.Settings;

public class MappingCoverageReaderTests : IAsyncLifetime
{
    private static readonly CommerceAddress France = new(null, null, null, null, null, null, "Paris", null, "75001", "FR", null);
    private static readonly CommerceAddress Canada = new(null, null, null, null, null, null, "Toronto", "ON", "M5V", "CA", null);
    private StoreTestBed bed = default!;
    private Guid storeId;

    private DateTimeOffset Now => bed.Host.Clock.GetUtcNow();

    public async Task InitializeAsync()
    {
        bed = await StoreTestBed.StartAsync();
        storeId = await bed.ConnectShopifyAsync();
    }

    public async Task DisposeAsync() => await bed.DisposeAsync();

    [Fact]
    public async Task The_newest_orders_are_read_and_each_tax_gateway_and_method_is_checked_as_the_flows_check_it()
    {
        await MapAsync(
            new TaxMapping { Title = "TVA 20%", Rate = 0.2m, PriceIncluded = true, OdooTaxId = 7 },
            new TaxMapping { Title = "Import VAT", Rate = 0.2m, PriceIncluded = false, OdooTaxId = 9 },
            new ShippingMapping { Method = "flat_rate:1", OdooProductId = 40 },
            new PaymentJournalMapping { Gateway = "shopify_payments", OdooJournalId = 3 });
        bed.Shopify.Orders.AddRange(
        [
            Order("1", Now.AddDays(-1), France, included: true, Line(Tax("TVA 20%", 0.2m)), Shipping("Flat rate", "flat_rate:1"), Paid("shopify_payments")),
            Order("2", Now.AddDays(-2), Canada, included: false, Line(Tax("GST 5 %", 0.05m)), Shipping("Express", null), Paid("paypal")),
            Order("3", Now.AddDays(-3), France, included: true, Line(Tax("Exempt", 0m, amount: 0m)) with { Duties = [new CommerceDuty("d1", 5m, null, null, [Tax("Import VAT", 0.2m)])] },
                Shipping("Flat rate", "flat_rate:1"), Paid("shopify_payments")),
            Order("4", Now.AddDays(-4), Canada, included: false, Line(Tax("PST 8 %", 0.08m)), null, null),
            Order("5", Now.AddDays(-100), Canada, included: false, Line(Tax("Old tax", 0.1m)), null, null),
        ]);

        var coverage = await ReadAsync(recentOrders: 3);

        Assert.Equal((3, 2), (coverage.OrdersRead, coverage.OrdersMappingCleanly));
        Assert.Equal(
            [new SeenTaxLine("GST 5 %", 0.05m, "CA", false, 1, null), new SeenTaxLine("Import VAT", 0.2m, "FR", false, 1, 9), new SeenTaxLine("TVA 20%", 0.2m, "FR", true, 1, 7)],
            coverage.Taxes);
        Assert.Equal([new SeenGateway("shopify_payments", "Shopify Payments", 2, 3), new SeenGateway("paypal", "Paypal", 1, null)], coverage.Gateways);
        Assert.Equal([new SeenShippingMethod("flat_rate:1", "Flat rate", 2, true), new SeenShippingMethod("Express", "Express", 1, false)], coverage.ShippingMethods);
        Assert.False(coverage.IsComplete);
    }

    [Fact]
    public async Task The_default_shipping_product_covers_any_method_and_the_default_tax_orders_taxed_only_as_a_whole()
    {
        await MapAsync(new StoreOrderSettings { ShippingProductId = 41, DefaultTaxId = 5 });
        var wholeOrderTax = Order("1", Now.AddDays(-1), Canada, included: false, Line(), Shipping("Express", null), null) with
        {
            TaxLines = [Tax("HST 13 %", 0.13m)],
            Totals = new CommerceOrderTotals { LineItems = 10, Discounts = 0, Shipping = 5, Tax = 1.95m, Tips = 0, Duties = 0, Fees = 0, Total = 16.95m },
        };
        bed.Shopify.Orders.Add(wholeOrderTax);

        var coverage = await ReadAsync(recentOrders: 200);

        Assert.Equal((1, 1), (coverage.OrdersRead, coverage.OrdersMappingCleanly));
        Assert.Equal([new SeenTaxLine("HST 13 %", 0.13m, "CA", false, 1, 5)], coverage.Taxes);
        Assert.Equal([new SeenShippingMethod("Express", "Express", 1, true)], coverage.ShippingMethods);
        Assert.True(coverage.IsComplete);
    }

    [Fact]
    public async Task A_tax_seen_in_several_orders_is_one_line_counting_the_orders()
    {
        bed.Shopify.Orders.AddRange(Enumerable.Range(1, 5).Select(i =>
            Order($"{i}", Now.AddHours(-i), Canada, included: false, Line(Tax("GST", 0.05m), Tax("GST", 0.05m)), null, null)));

        var coverage = await ReadAsync(recentOrders: 200);

        Assert.Equal((5, 0), (coverage.OrdersRead, coverage.OrdersMappingCleanly));
        Assert.Equal([new SeenTaxLine("GST", 0.05m, "CA", false, 5, null)], coverage.Taxes);
    }

    [Fact]
    public async Task Another_tenants_store_is_not_found()
    {
        var bravo = await bed.Host.AddTenantAsync("Bravo");
        await using var scope = bed.Host.ScopeFor(bravo, TenantRole.Owner);

        await Assert.ThrowsAsync<KeyNotFoundException>(() => scope.ServiceProvider.GetRequiredService<IMappingCoverage>().ReadAsync(storeId, 10));
    }

    private async Task<MappingCoverage> ReadAsync(int recentOrders)
    {
        await using var scope = bed.Host.ScopeFor(bed.TenantId, TenantRole.Viewer);
        return await scope.ServiceProvider.GetRequiredService<IMappingCoverage>().ReadAsync(storeId, recentOrders);
    }

    private async Task MapAsync(params object[] rows)
    {
        await using var db = bed.Host.Services.GetRequiredService<PortalDbContextActivator>().Create(TenantContext.SystemFor(bed.TenantId));
        foreach (var row in rows)
        {
            switch (row)
            {
                case TaxMapping tax:
                    tax.StoreId = storeId;
                    db.TaxMappings.Add(tax);
                    break;
                case ShippingMapping shipping:
                    shipping.StoreId = storeId;
                    db.ShippingMappings.Add(shipping);
                    break;
                case PaymentJournalMapping journal:
                    journal.StoreId = storeId;
                    db.PaymentJournalMappings.Add(journal);
                    break;
                case StoreOrderSettings settings:
                    settings.StoreId = storeId;
                    db.StoreOrderSettings.Add(settings);
                    break;
            }
        }

        await db.SaveChangesAsync();
    }

    private static CommerceTaxLine Tax(string title, decimal rate, decimal amount = 1m) => new(title, rate, amount, null, false);

    private static CommerceOrderLine Line(params CommerceTaxLine[] taxes) => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        Title = "Chair",
        Quantity = 1,
        UnitPrice = 10m,
        Taxes = taxes,
        Discounts = [],
        Duties = [],
    };

    private static CommerceShippingLine Shipping(string title, string? code) => new(null, title, code, 5m, [], []);

    private static CommercePayment Paid(string gateway) => new()
    {
        Gateway = gateway,
        GatewayTitle = string.Join(' ', gateway.Split('_').Select(w => char.ToUpperInvariant(w[0]) + w[1..])),
        Kind = new StoreCode<CommercePaymentKind>(CommercePaymentKind.Sale, "sale"),
        Status = new StoreCode<CommercePaymentStatus>(CommercePaymentStatus.Success, "success"),
        Amount = 10m,
    };

    private static CommerceOrder Order(string id, DateTimeOffset at, CommerceAddress address, bool included, CommerceOrderLine line, CommerceShippingLine? shipping, CommercePayment? payment) =>
        InMemoryStore.Order(id, at) with
        {
            PricesIncludeTax = included,
            ShippingAddress = address,
            Lines = [line],
            ShippingLines = shipping is null ? [] : [shipping],
            Payments = payment is null ? [] : [payment],
        };
}
