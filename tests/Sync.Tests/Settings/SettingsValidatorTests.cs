using FluentValidation;
using Portal.Data.Entities;
using Portal.Sync.Settings;

namespace Portal.Sync.Tests.Settings;

/// <summary>The rules the pages show field by field and the services enforce again.</summary>
public class SettingsValidatorTests
{
    private static List<string> Failing<T>(IValidator<T> validator, T form) =>
        validator.Validate(form).Errors.Select(e => e.PropertyName).Distinct().Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void The_default_settings_are_valid()
    {
        Assert.Empty(Failing(new StoreOrderSettingsFormValidator(), StoreOrderSettingsForm.From(null)));
    }

    [Fact]
    public void A_single_customer_strategy_needs_its_customer_and_a_discount_product_stays_optional()
    {
        var form = StoreOrderSettingsForm.From(null);
        form.CustomerStrategy = CustomerStrategy.SingleCustomer;
        form.DiscountMode = DiscountMode.DiscountProductLine;

        Assert.Equal([nameof(StoreOrderSettingsForm.SingleCustomerId)], Failing(new StoreOrderSettingsFormValidator(), form));
        form.SingleCustomerId = 12;
        Assert.Empty(Failing(new StoreOrderSettingsFormValidator(), form));
    }

    [Theory]
    [InlineData("-0.01", false)]
    [InlineData("0", true)]
    [InlineData("1000", true)]
    [InlineData("1000.001", false)]
    public void The_tolerance_lies_between_0_and_1000(string tolerance, bool valid)
    {
        var form = StoreOrderSettingsForm.From(null);
        form.TotalTolerance = decimal.Parse(tolerance, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(valid, new StoreOrderSettingsFormValidator().Validate(form).IsValid);
    }

    [Theory]
    [InlineData("TVA 20%", "0.2", "FR", true)]
    [InlineData("VAT", "0", "", true)]
    [InlineData("VAT", "1", "gb", true)]
    [InlineData("", "0.2", "FR", false)]
    [InlineData("VAT", "1.2", "FR", false)]
    [InlineData("VAT", "-0.1", "FR", false)]
    [InlineData("VAT", "0.2", "FRA", false)]
    [InlineData("VAT", "0.2", "F1", false)]
    public void A_tax_has_a_title_a_fractional_rate_and_a_two_letter_country_or_none(string title, string rate, string country, bool valid)
    {
        var form = new TaxMappingForm { Title = title, Rate = decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture), CountryCode = country, OdooTaxId = 3 };

        Assert.Equal(valid, new TaxMappingFormValidator().Validate(form).IsValid);
    }

    [Fact]
    public void A_tax_mapping_needs_its_odoo_tax()
    {
        Assert.Equal([nameof(TaxMappingForm.OdooTaxId)], Failing(new TaxMappingFormValidator(), new TaxMappingForm { Title = "VAT", Rate = 0.2m }));
    }

    [Theory]
    [InlineData(null, null, nameof(ShippingMappingForm.OdooCarrierId))]
    [InlineData(1L, 5L, nameof(ShippingMappingForm.OdooProductId))]
    [InlineData(1L, null, null)]
    [InlineData(null, 5L, null)]
    public void A_shipping_method_is_either_a_carrier_or_a_product(long? carrier, long? product, string? failing)
    {
        var form = new ShippingMappingForm { Method = "standard", OdooCarrierId = carrier, OdooProductId = product };

        Assert.Equal(failing is null ? [] : [failing], Failing(new ShippingMappingFormValidator(), form));
    }

    [Fact]
    public void A_shipping_method_and_a_gateway_are_required()
    {
        Assert.Equal([nameof(ShippingMappingForm.Method)], Failing(new ShippingMappingFormValidator(), new ShippingMappingForm { Method = " ", OdooCarrierId = 1 }));
        Assert.Equal([nameof(PaymentJournalMappingForm.Gateway), nameof(PaymentJournalMappingForm.OdooJournalId)],
            Failing(new PaymentJournalMappingFormValidator(), new PaymentJournalMappingForm()));
    }

    [Theory]
    [InlineData(null, null, false)]
    [InlineData(2L, null, true)]
    [InlineData(null, 8L, true)]
    [InlineData(2L, 8L, true)]
    public void A_location_stands_for_a_warehouse_or_a_stock_location(long? warehouse, long? location, bool valid)
    {
        var form = new LocationMappingForm { StoreLocationId = "default", StoreLocationName = "Main", OdooWarehouseId = warehouse, OdooLocationId = location };

        Assert.Equal(valid, new LocationMappingFormValidator().Validate(form).IsValid);
    }

    [Fact]
    public void A_product_link_needs_a_sku_and_a_product()
    {
        Assert.Equal([nameof(ProductLinkForm.OdooProductId), nameof(ProductLinkForm.Sku)], Failing(new ProductLinkFormValidator(), new ProductLinkForm()));
        Assert.Equal([nameof(ProductLinkForm.Sku)], Failing(new ProductLinkFormValidator(), new ProductLinkForm { Sku = new string('A', 197), OdooProductId = 4 }));
        Assert.Empty(Failing(new ProductLinkFormValidator(), new ProductLinkForm { Sku = new string('A', 196), OdooProductId = 4 }));
    }
}
