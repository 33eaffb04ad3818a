using Portal.Fakes.Orders;

namespace Portal.Sync.Tests.Shopify;

/// <summary>Orders of the kinds order-to-cash must handle, by name, for the fake shop to place.</summary>
internal static class ShopifyOrderSpecs
{
    public static readonly FakeTaxSpec CaliforniaTax = new("CA State Tax", 0.0725m);
    public static readonly FakeTaxSpec StateTax = new("TX State Tax", 0.0625m);
    public static readonly FakeTaxSpec CountyTax = new("Travis County Tax", 0.01m);
    public static readonly FakeTaxSpec CityTax = new("Austin City Tax", 0.005m);
    public static readonly FakeTaxSpec FrenchVat = new("TVA", 0.2m, "FR");

    public static readonly FakeAddressSpec Austin = new("500 Congress Ave", "Austin", "TX", "78701", "US");

    /// <summary>WELCOME10 takes 5.00 and 1.00 off the lines and 2.00 off shipping; the customer buys for a company.</summary>
    public static FakeOrderSpec DiscountCode { get; } = new()
    {
        Company = "Analytical Engines Ltd",
        DiscountCode = "WELCOME10",
        Lines =
        [
            new("TEE-BLUE-M", "Blue Tee - M", 2, 25.00m, [CaliforniaTax], Discount: 5.00m),
            new("MUG-WHITE", "White Mug", 1, 12.00m, [CaliforniaTax], Discount: 1.00m),
        ],
        Shipping = new("Standard", "standard", 8.00m, [], Discount: 2.00m),
    };

    /// <summary>State, county and city tax on every line and on shipping, each rounded on its own.</summary>
    public static FakeOrderSpec SeveralTaxes { get; } = new()
    {
        ShippingAddress = Austin,
        BillingAddress = Austin,
        Lines =
        [
            new("HAT-GREY", "Grey Hat", 3, 19.99m, [StateTax, CountyTax, CityTax]),
            new("SCARF-RED", "Red Scarf", 1, 34.50m, [StateTax, CountyTax, CityTax]),
        ],
        Shipping = new("Ground", "ups_ground", 7.95m, [StateTax, CountyTax, CityTax]),
    };

    /// <summary>A French shop's prices, VAT included, on the goods and the shipping.</summary>
    public static FakeOrderSpec TaxIncluded { get; } = new()
    {
        Currency = "EUR",
        PricesIncludeTax = true,
        Phone = null,
        ShippingAddress = FakeAddressSpec.Paris,
        BillingAddress = FakeAddressSpec.Paris,
        Lines = [new("TEE-BLUE-M", "T-shirt bleu - M", 2, 24.00m, [FrenchVat])],
        Shipping = new("Colissimo", "colissimo", 6.90m, [FrenchVat]),
    };

    public static FakeOrderSpec TaxedShipping { get; } = new()
    {
        Lines = [new("LAMP-BRASS", "Brass Lamp", 1, 40.00m, [CaliforniaTax])],
        Shipping = new("Express", "express", 15.00m, [CaliforniaTax]),
    };

    public static FakeOrderSpec Tip { get; } = new()
    {
        Lines = [new("BEANS-1KG", "Coffee Beans 1 kg", 1, 22.00m, [CaliforniaTax])],
        Tip = 5.00m,
    };

    /// <summary>Shipped to Paris from a US shop: no US tax, but a duty on the tee, with French VAT on the duty.</summary>
    public static FakeOrderSpec Duty { get; } = new()
    {
        ShippingAddress = FakeAddressSpec.Paris,
        Lines =
        [
            new("TEE-BLUE-M", "Blue Tee - M", 2, 25.00m, []),
            new("MUG-WHITE", "White Mug", 1, 12.00m, []),
        ],
        Shipping = new("International", "intl", 20.00m, []),
        Duties = [new FakeDutySpec(0, 7.50m, [FrenchVat])],
    };

    /// <summary>Paid with a gift card, by a guest.</summary>
    public static FakeOrderSpec GiftCard { get; } = new()
    {
        CustomerId = null,
        Gateway = "gift_card",
        Lines = [new("CANDLE-FIG", "Fig Candle", 2, 18.00m, [CaliforniaTax])],
        Shipping = new("Standard", "standard", 5.00m, []),
    };

    public static FakeOrderSpec Unpaid { get; } = TaxedShipping with { Paid = false, Gateway = "manual" };

    public static IReadOnlyDictionary<string, FakeOrderSpec> ByName { get; } = new Dictionary<string, FakeOrderSpec>
    {
        [nameof(DiscountCode)] = DiscountCode,
        [nameof(SeveralTaxes)] = SeveralTaxes,
        [nameof(TaxIncluded)] = TaxIncluded,
        [nameof(TaxedShipping)] = TaxedShipping,
        [nameof(Tip)] = Tip,
        [nameof(Duty)] = Duty,
        [nameof(GiftCard)] = GiftCard,
        [nameof(Unpaid)] = Unpaid,
    };

    public static TheoryData<string> Names() => [.. ByName.Keys];
}
