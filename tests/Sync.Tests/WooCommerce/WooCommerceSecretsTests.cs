using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Fakes.WooCommerce;
using Portal.Sync.Stores;
using Portal.Sync.WooCommerce;

namespace Portal.Sync.Tests.WooCommerce;

public sealed class WooCommerceSecretsTests
{
    [Fact]
    public async Task The_consumer_secret_is_never_logged_even_when_it_travels_in_the_query_string()
    {
        await using var fake = await FakeWooCommerceServer.StartAsync();
        fake.StripsAuthorizationHeader = true;
        var logs = new LoggedText();
        using var clients = new WooCommerceTestClients(logs: logs);

        await clients.For(fake).WebhooksAsync(CancellationToken.None);
        await Assert.ThrowsAsync<StoreApiException>(() =>
            clients.For(fake, fake.ReadWriteKey with { ConsumerSecret = "cs_wrong" }).WebhooksAsync(CancellationToken.None));

        Assert.Contains("/wp-json/wc/v3/webhooks", logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain(fake.ReadWriteKey.ConsumerSecret, logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain("cs_wrong", logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public void Connections_and_key_uses_print_no_secret()
    {
        var connection = new StoreConnection(Guid.NewGuid(), Data.Entities.StorePlatform.WooCommerce, "https://shop.example.com",
            new WooCommerceCredentials("ck_1", "cs_top_secret").ToJson(), AllowInsecureHttp: false);
        var use = new WooCommerceKeyUse(WooCommerceCredentials.FromJson(connection.CredentialsJson), WooCommerceKeyPlacement.QueryString,
            new Uri("https://shop.example.com/wp-json/wc/v3/orders"));

        Assert.DoesNotContain("cs_top_secret", $"{connection} {use} {WooCommerceCredentials.FromJson(connection.CredentialsJson)}", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("WooCommerce:PageSize", "101")]
    [InlineData("WooCommerce:BatchSize", "0")]
    [InlineData("WooCommerce:TotalTimeout", "00:00:01")]
    [InlineData("WooCommerce:MaxRetries", "-1")]
    public void Settings_WooCommerce_cannot_work_with_are_refused(string key, string value)
    {
        using var clients = new WooCommerceTestClients(settings: new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => clients.Services.GetRequiredService<IOptions<WooCommerceOptions>>().Value);

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }
}
