using Portal.Data.Entities;
using Portal.Sync.Notifications;
using Portal.Sync.Settings.Features;
using Portal.Sync.Stores;

namespace Portal.Sync.Tests.Settings;

public class StoreFeaturesAndNotificationValidatorTests
{
    [Fact]
    public void A_features_form_with_any_switches_and_a_known_direction_is_valid()
    {
        var form = new StoreFeaturesForm { Orders = false, Refunds = true, Products = ProductDirection.Off, NotifyCustomerOnFulfilment = false };

        Assert.True(new StoreFeaturesFormValidator().Validate(form).IsValid);
    }

    [Fact]
    public void An_unknown_product_direction_is_refused()
    {
        var result = new StoreFeaturesFormValidator().Validate(new StoreFeaturesForm { Products = (ProductDirection)7 });

        Assert.Equal("Choose which way products go.", Assert.Single(result.Errors).ErrorMessage);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ops@example.com")]
    [InlineData(" Ops.Team+alerts@shop.example.co.uk ")]
    public void An_empty_notification_email_or_one_plain_address_is_valid(string email)
    {
        Assert.True(new StoreNotificationFormValidator().Validate(new StoreNotificationForm { NotificationEmail = email }).IsValid);
    }

    [Theory]
    [InlineData("ops")]
    [InlineData("ops@localhost")]
    [InlineData("Ops <ops@example.com>")]
    [InlineData("ops@example.com, finance@example.com")]
    public void Anything_but_one_plain_address_is_refused_with_an_example(string email)
    {
        var result = new StoreNotificationFormValidator().Validate(new StoreNotificationForm { NotificationEmail = email });

        Assert.Equal("Enter one email address such as ops@example.com, or leave it empty to send no alerts.", Assert.Single(result.Errors).ErrorMessage);
    }

    [Fact]
    public void A_notification_email_longer_than_the_column_is_refused()
    {
        var result = new StoreNotificationFormValidator().Validate(new StoreNotificationForm { NotificationEmail = new string('a', 250) + "@example.com" });

        Assert.Contains("An email address has at most 254 characters.", result.Errors.Select(e => e.ErrorMessage));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(60, true)]
    [InlineData(61, false)]
    public void Recent_orders_are_imported_from_1_to_60_days_back(int days, bool valid)
    {
        Assert.Equal(valid, new RecentOrdersImportFormValidator().Validate(new RecentOrdersImportForm { Days = days }).IsValid);
    }
}
