using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Primitives;
using Portal.Data.Entities;
using Portal.Fakes.Shopify;
using Portal.Sync.Secrets;
using Portal.Sync.Shopify;
using Portal.Sync.Stores;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Stores;

/// <summary>A Shopify shop installed through OAuth and fed through the portal, end to end over real HTTP.</summary>
public class ShopifyIntakeTests : IAsyncLifetime
{
    private const string OwnerEmail = "owner@alpha.test";
    private const string Password = "correct horse battery";

    private StoreIntakeHost portal = default!;
    private FakeShopifyServer shop = default!;
    private string ownerId = "";

    public async Task InitializeAsync()
    {
        shop = await FakeShopifyServer.StartAsync();
        portal = await StoreIntakeHost.StartAsync();
        ownerId = await portal.Host.AddUserAsync(OwnerEmail, Password);
        await portal.Host.AddMembershipAsync(portal.TenantId, ownerId, TenantRole.Owner);
    }

    public async Task DisposeAsync()
    {
        await portal.DisposeAsync();
        await shop.DisposeAsync();
    }

    private async Task<Uri> BeginInstallAsync(string clientSecret)
    {
        await using var scope = portal.Host.ScopeAsMember(portal.TenantId, TenantRole.Owner, ownerId, OwnerEmail);
        return await scope.ServiceProvider.GetRequiredService<ShopifyInstalls>().BeginAsync(
            new ShopifyAppForm { Name = "Alpha EU", Shop = shop.Url.AbsoluteUri, ClientId = shop.ClientId, ClientSecret = clientSecret },
            portal.Host.BaseAddress);
    }

    /// <summary>The address Shopify sends the person back to, signed as Shopify signs it.</summary>
    private string Callback(Uri authorize, string signingSecret)
    {
        var state = System.Web.HttpUtility.ParseQueryString(authorize.Query)["state"]!;
        var query = new Dictionary<string, StringValues>
        {
            ["code"] = shop.IssueAuthorizationCode(),
            ["shop"] = shop.Url.AbsoluteUri.TrimEnd('/'),
            ["state"] = state,
            ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var hmac = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingSecret), Encoding.UTF8.GetBytes(ShopifyOAuth.SignedMessage(query))));
        return $"/t/{portal.TenantId}/stores/shopify/callback?" + string.Join('&', query.Append(KeyValuePair.Create("hmac", new StringValues(hmac)))
            .Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value.ToString())}"));
    }

    private async Task<PortalBrowser> SignedInAsync()
    {
        var browser = portal.Host.NewBrowser();
        await browser.SignInOrFailAsync(OwnerEmail, Password);
        return browser;
    }

    [Fact]
    public async Task An_install_approved_on_shopify_connects_the_shop_with_its_token_encrypted_and_registers_its_webhooks()
    {
        var authorize = await BeginInstallAsync(shop.ClientSecret);
        Assert.Equal($"{shop.Url.AbsoluteUri}admin/oauth/authorize", authorize.GetLeftPart(UriPartial.Path));
        var parameters = System.Web.HttpUtility.ParseQueryString(authorize.Query);
        Assert.Equal(shop.ClientId, parameters["client_id"]);
        Assert.Equal($"{portal.Host.BaseAddress.AbsoluteUri.TrimEnd('/')}/t/{portal.TenantId}/stores/shopify/callback", parameters["redirect_uri"]);
        Assert.Contains("write_inventory", parameters["scope"], StringComparison.Ordinal);

        using var browser = await SignedInAsync();
        var response = await browser.GetAsync(Callback(authorize, shop.ClientSecret));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith($"/t/{portal.TenantId}/stores?connected=", PortalBrowser.RedirectTarget(response), StringComparison.Ordinal);
        var store = await portal.ReadAsync(db => db.Stores.SingleAsync());
        var secrets = portal.Host.Services.GetRequiredService<SecretProtector>();
        Assert.Equal(new ShopifyCredentials(shop.AccessToken, shop.ClientId), ShopifyCredentials.FromJson(secrets.Unprotect(store.ProtectedCredentials!)));
        Assert.DoesNotContain(shop.AccessToken, store.ProtectedCredentials!, StringComparison.Ordinal);
        Assert.Equal(shop.ClientSecret, secrets.Unprotect(store.ProtectedWebhookSecret!));
        Assert.Equal(0, await portal.ReadAsync(db => db.ShopifyInstalls.CountAsync()));

        await portal.EventuallyAsync(db => db.WebhookSubscriptions.CountAsync(s => s.Status == WebhookSubscriptionStatus.Active), n => n == 6, "six active subscriptions");
        Assert.Equal(6, shop.WebhookSubscriptions.Count(s => s.Uri.AbsolutePath == $"/webhooks/shopify/{store.Id}"));
    }

    [Fact]
    public async Task A_callback_not_signed_with_the_apps_secret_is_refused_and_connects_nothing()
    {
        var authorize = await BeginInstallAsync(shop.ClientSecret);
        using var browser = await SignedInAsync();

        var response = await browser.GetAsync(Callback(authorize, "someone-elses-secret"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await portal.ReadAsync(db => db.Stores.CountAsync()));
    }

    [Fact]
    public async Task An_install_started_by_someone_else_cannot_be_finished()
    {
        var authorize = await BeginInstallAsync(shop.ClientSecret);
        var otherId = await portal.Host.AddUserAsync("admin@alpha.test", Password);
        await portal.Host.AddMembershipAsync(portal.TenantId, otherId, TenantRole.Admin);
        using var browser = portal.Host.NewBrowser();
        await browser.SignInOrFailAsync("admin@alpha.test", Password);

        var response = await browser.GetAsync(Callback(authorize, shop.ClientSecret));

        Assert.Contains("problem=", PortalBrowser.RedirectTarget(response), StringComparison.Ordinal);
        Assert.Equal(0, await portal.ReadAsync(db => db.Stores.CountAsync()));
    }

    [Fact]
    public async Task A_signed_order_webhook_becomes_one_job_and_the_poll_adds_only_the_order_it_missed()
    {
        var authorize = await BeginInstallAsync(shop.ClientSecret);
        using (var browser = await SignedInAsync())
        {
            await browser.GetAsync(Callback(authorize, shop.ClientSecret));
        }

        var store = await portal.ReadAsync(db => db.Stores.SingleAsync());
        await portal.EventuallyAsync(db => db.WebhookSubscriptions.CountAsync(), n => n == 6, "six subscriptions");
        var address = shop.WebhookSubscriptions.First(s => s.Topic == "ORDERS_CREATE").Uri;
        var delivered = FakeShopifyOrder.Create(5001, DateTimeOffset.UtcNow.AddSeconds(1));
        shop.AddOrder(delivered);
        shop.AddOrder(FakeShopifyOrder.Create(5002, DateTimeOffset.UtcNow.AddSeconds(2)));

        var webhook = await shop.SendWebhookAsync(address, "orders/create",
            $$"""{"id":5001,"admin_graphql_api_id":"gid://shopify/Order/5001","name":"#5001","updated_at":"{{delivered["updatedAt"]}}"}""", shop.ClientSecret);
        Assert.Equal(HttpStatusCode.OK, webhook.StatusCode);
        Assert.Equal(1, await portal.Host.Services.GetRequiredService<StoreScheduler>().EnqueueDuePollsAsync());
        await portal.EventuallyAsync(db => db.Jobs.CountAsync(j => j.Flow == StorePollFlow.Name && j.State == JobState.Succeeded), n => n == 1, "the poll to finish");

        var orderJobs = await portal.JobsAsync(StoreChangeJobs.OrdersFlow);
        Assert.Equal([StoreEventKeys.OrderChange(store.Id, "5001", DateTimeOffset.Parse(delivered["updatedAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)),
                StoreEventKeys.OrderChange(store.Id, "5002", DateTimeOffset.Parse(shop.Orders[5002]["updatedAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture))],
            orderJobs.Select(j => j.IdentityKey).Order(StringComparer.Ordinal));
    }
}
