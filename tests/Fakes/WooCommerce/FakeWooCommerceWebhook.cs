namespace Portal.Fakes.WooCommerce;

/// <summary>A webhook of the fake site as it stands, secret included (WooCommerce signs its deliveries with it).</summary>
public sealed record FakeWooCommerceWebhook(long Id, string Name, string Topic, Uri DeliveryUrl, string Secret, string Status, int FailureCount)
{
    public string Resource => Topic.Split('.')[0];

    public string Event => Topic.Split('.', 2)[1];
}
