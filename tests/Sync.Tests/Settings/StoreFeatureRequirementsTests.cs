using Portal.Data.Entities;
using Portal.Sync.Settings.Coverage;
using Portal.Sync.Settings.Features;

namespace Portal.Sync.Tests.Settings;

public class StoreFeatureRequirementsTests
{
    private static readonly Guid Store = Guid.NewGuid();

    private static readonly MappingCoverage Incomplete = new(10, 6,
        [new SeenTaxLine("VAT", 0.2m, "GB", false, 8, 41), new SeenTaxLine("GST", 0.05m, "CA", false, 4, null)],
        [new SeenGateway("shopify_payments", "Shopify Payments", 9, 7), new SeenGateway("paypal", "PayPal", 1, null)],
        [new SeenShippingMethod("standard", "Standard", 7, true), new SeenShippingMethod("express", "Express", 2, false)]);

    private static StoreFeatureReadiness Ready(MappingCoverage? coverage = null, string? problem = null, bool primaryMapped = true,
        CustomerStrategy strategy = CustomerStrategy.MatchByEmail, long? singleCustomer = null) =>
        new(Store, problem is null ? coverage ?? FakeMappingCoverage.Complete(0).Coverage : null, problem, primaryMapped, strategy, singleCustomer);

    [Fact]
    public void Complete_mappings_block_nothing()
    {
        Assert.Empty(StoreFeatureRequirements.Blocks(Ready(), StoreFeatures.Default));
    }

    [Fact]
    public void Orders_need_every_seen_tax_line_and_shipping_method_mapped_and_say_which_with_the_page_to_fix_it()
    {
        var blocks = StoreFeatureRequirements.Blocks(Ready(Incomplete), StoreFeatures.Orders);

        Assert.Equal(
            [
                ("No tax mapping for 'GST' (5 %, CA), used by 4 recent orders.", $"stores/{Store}/mappings/taxes"),
                ("No shipping mapping for 'Express', used by 2 recent orders.", $"stores/{Store}/mappings/shipping?method=express"),
            ],
            blocks.Select(b => (b.Reason, b.FixPath)));
        Assert.All(blocks, b => Assert.Equal(StoreFeatures.Orders, b.Feature));
    }

    [Fact]
    public void Payments_need_every_seen_gateway_mapped_to_a_journal()
    {
        var block = Assert.Single(StoreFeatureRequirements.Blocks(Ready(Incomplete), StoreFeatures.Payments));

        Assert.Equal((StoreFeatures.Payments, "No journal for the payment gateway 'PayPal', used by 1 recent order.", $"stores/{Store}/mappings/journals"),
            (block.Feature, block.Reason, block.FixPath));
    }

    [Fact]
    public void Refunds_need_orders_on_as_well()
    {
        Assert.Equal(StoreFeatures.Refunds, Assert.Single(StoreFeatureRequirements.Blocks(Ready(), StoreFeatures.Refunds)).Feature);
        Assert.Empty(StoreFeatureRequirements.Blocks(Ready(), StoreFeatures.Refunds | StoreFeatures.Orders));
    }

    [Theory]
    [InlineData(StoreFeatures.Stock)]
    [InlineData(StoreFeatures.Fulfilment)]
    public void Stock_and_fulfilment_need_the_primary_location_mapped(StoreFeatures feature)
    {
        var block = Assert.Single(StoreFeatureRequirements.Blocks(Ready(primaryMapped: false), feature));

        Assert.Equal((feature, $"stores/{Store}/mappings/locations"), (block.Feature, block.FixPath));
        Assert.Empty(StoreFeatureRequirements.Blocks(Ready(primaryMapped: true), feature));
    }

    [Fact]
    public void Customers_under_one_customer_need_that_customer_chosen()
    {
        var block = Assert.Single(StoreFeatureRequirements.Blocks(Ready(strategy: CustomerStrategy.SingleCustomer), StoreFeatures.Customers));

        Assert.Equal($"stores/{Store}/settings?tab=configuration", block.FixPath);
        Assert.Empty(StoreFeatureRequirements.Blocks(Ready(strategy: CustomerStrategy.SingleCustomer, singleCustomer: 7), StoreFeatures.Customers));
    }

    [Fact]
    public void Unreadable_orders_block_the_features_that_need_them_with_the_stores_reason_and_no_other()
    {
        var readiness = Ready(problem: "Shopify refused the access token.");

        var blocks = StoreFeatureRequirements.Blocks(readiness, StoreFeatures.Default);

        Assert.Equal([StoreFeatures.Orders, StoreFeatures.Payments], blocks.Select(b => b.Feature));
        Assert.All(blocks, b => Assert.Contains("Shopify refused the access token.", b.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Only_features_switched_on_are_refused_so_one_already_on_stays_on_and_switching_off_always_works()
    {
        var readiness = Ready(Incomplete, primaryMapped: false);
        const StoreFeatures before = StoreFeatures.Orders | StoreFeatures.Stock;

        Assert.Empty(StoreFeatureRequirements.Refusals(readiness, before, before));
        Assert.Empty(StoreFeatureRequirements.Refusals(readiness, before, StoreFeatures.None));
        Assert.Equal([StoreFeatures.Payments, StoreFeatures.Fulfilment],
            StoreFeatureRequirements.Refusals(readiness, before, before | StoreFeatures.Payments | StoreFeatures.Fulfilment).Select(b => b.Feature));
    }

    [Fact]
    public void Only_orders_and_payments_need_the_stores_recent_orders_read()
    {
        Assert.True(StoreFeatureRequirements.NeedsCoverage(StoreFeatures.Orders | StoreFeatures.Stock));
        Assert.True(StoreFeatureRequirements.NeedsCoverage(StoreFeatures.Payments));
        Assert.False(StoreFeatureRequirements.NeedsCoverage(StoreFeatures.Refunds | StoreFeatures.Customers | StoreFeatures.Stock | StoreFeatures.Fulfilment));
    }
}
