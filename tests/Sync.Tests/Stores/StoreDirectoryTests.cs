using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using Portal.Sync.Secrets;
using Portal.Sync.Shopify;
using Portal.Sync.Stores;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Tests.Stores;

public class StoreDirectoryTests : IAsyncLifetime
{
    private StoreTestBed bed = default!;

    public async Task InitializeAsync() => bed = await StoreTestBed.StartAsync();

    public async Task DisposeAsync() => await bed.DisposeAsync();

    private async Task<StoreConnectResult> ConnectShopifyAsync(ShopifyStoreForm form, TenantRole role = TenantRole.Owner)
    {
        await using var scope = bed.Host.ScopeFor(bed.TenantId, role);
        return await scope.ServiceProvider.GetRequiredService<StoreDirectory>().ConnectShopifyAsync(form);
    }

    private async Task<Store> StoreAsync(Guid id) => await bed.ReadAsync(db => db.Stores.IgnoreQueryFilters().SingleAsync(s => s.Id == id));

    private string Unprotect(string protectedText) => bed.Host.Services.GetRequiredService<SecretProtector>().Unprotect(protectedText);

    [Fact]
    public async Task A_shop_is_saved_once_its_token_works_with_every_secret_encrypted()
    {
        var result = await ConnectShopifyAsync(new ShopifyStoreForm { Name = "Alpha EU", Shop = "https://Alpha.myshopify.com/admin", AccessToken = "shpat_good", AppSecret = "app-secret" });

        Assert.True(result.Connected, result.Message);
        Assert.Equal("Connected to Alpha Shop (EUR).", result.Message);
        var store = await StoreAsync(result.StoreId!.Value);
        Assert.Equal(("alpha.myshopify.com", StorePlatform.Shopify, true), (store.Address, store.Platform, store.Enabled));
        Assert.DoesNotContain("shpat_good", store.ProtectedCredentials!, StringComparison.Ordinal);
        Assert.Equal("shpat_good", ShopifyCredentials.FromJson(Unprotect(store.ProtectedCredentials!)).AccessToken);
        Assert.DoesNotContain("app-secret", store.ProtectedWebhookSecret!, StringComparison.Ordinal);
        Assert.Equal("app-secret", Unprotect(store.ProtectedWebhookSecret!));
        Assert.Single(await bed.JobsAsync(SubscriptionSyncFlow.Name));
    }

    [Fact]
    public async Task A_rejected_token_saves_nothing_and_says_why()
    {
        var result = await ConnectShopifyAsync(new ShopifyStoreForm { Name = "Alpha", Shop = "alpha", AccessToken = "shpat_revoked", AppSecret = "s" });

        Assert.False(result.Connected);
        Assert.Equal("The access token was rejected.", result.Message);
        Assert.Equal(0, await bed.ReadAsync(db => db.Stores.IgnoreQueryFilters().CountAsync()));
    }

    [Theory]
    [InlineData("alpha.example.com")]
    [InlineData("http://127.0.0.1:5001")]
    public async Task Only_myshopify_domains_are_accepted(string shop)
    {
        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            ConnectShopifyAsync(new ShopifyStoreForm { Name = "Alpha", Shop = shop, AccessToken = "shpat_good", AppSecret = "s" }));

        Assert.Contains(error.Errors, e => e.ErrorMessage.StartsWith("Enter the shop's myshopify.com domain", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_viewer_cannot_connect_a_store()
    {
        await Assert.ThrowsAsync<TenantAccessDeniedException>(() =>
            ConnectShopifyAsync(new ShopifyStoreForm { Name = "Alpha", Shop = "alpha", AccessToken = "shpat_good", AppSecret = "s" }, TenantRole.Viewer));
    }

    [Fact]
    public async Task A_plain_http_site_needs_explicit_consent()
    {
        var validator = bed.Host.Services.GetRequiredService<IValidator<WooCommerceStoreForm>>();
        var form = new WooCommerceStoreForm { Name = "W", SiteUrl = "http://shop.example.com", ConsumerKey = "ck", ConsumerSecret = "cs" };

        var refused = await validator.ValidateAsync(form);
        form.AllowInsecureHttp = true;
        var allowed = await validator.ValidateAsync(form);

        Assert.Contains(refused.Errors, e => e.ErrorMessage.StartsWith("The site is plain http://", StringComparison.Ordinal));
        Assert.True(allowed.IsValid);
    }

    [Fact]
    public async Task Connecting_a_site_again_replaces_its_key_but_keeps_the_secret_its_webhooks_sign_with()
    {
        var id = await bed.ConnectWooCommerceAsync();
        var secret = Unprotect((await StoreAsync(id)).ProtectedWebhookSecret!);

        Assert.Equal(id, await bed.ConnectWooCommerceAsync("https://wholesale.example.com/"));

        var store = await StoreAsync(id);
        Assert.Equal(secret, Unprotect(store.ProtectedWebhookSecret!));
        Assert.Null(store.ProtectedPreviousWebhookSecret);
        Assert.Equal(32, Convert.FromBase64String(secret).Length);
    }

    [Fact]
    public async Task A_new_app_secret_leaves_the_old_one_valid_for_an_hour()
    {
        var id = await bed.ConnectShopifyAsync();
        await ConnectShopifyAsync(new ShopifyStoreForm { Name = "Alpha EU", Shop = "alpha", AccessToken = "shpat_good", AppSecret = "rotated-secret" });

        var store = await StoreAsync(id);
        Assert.Equal("rotated-secret", Unprotect(store.ProtectedWebhookSecret!));
        Assert.Equal("app-secret", Unprotect(store.ProtectedPreviousWebhookSecret!));
        Assert.Equal(bed.Host.Clock.GetUtcNow().AddHours(1), store.PreviousWebhookSecretValidUntil);
    }

    [Fact]
    public async Task A_removed_store_leaves_the_list_at_once_and_its_job_deletes_only_our_webhooks()
    {
        var id = await bed.ConnectShopifyAsync();
        var ours = bed.Shopify.AddWebhook("orders/create", $"https://old-portal.example.com/webhooks/shopify/{id}");
        var otherApp = bed.Shopify.AddWebhook("orders/create", "https://other-app.example.com/hooks");

        await using (var scope = bed.Host.ScopeFor(bed.TenantId, TenantRole.Admin))
        {
            var directory = scope.ServiceProvider.GetRequiredService<StoreDirectory>();
            await directory.RemoveAsync(id);
            Assert.Empty(await directory.ListAsync());
        }

        await bed.RunJobsAsync();

        Assert.Contains(ours.Id, bed.Shopify.DeletedWebhooks);
        Assert.True(bed.Shopify.Webhooks.ContainsKey(otherApp.Id));
        Assert.Equal(0, await bed.ReadAsync(db => db.Stores.IgnoreQueryFilters().CountAsync()));
        var audit = await bed.ReadAsync(db => db.AuditEntries.IgnoreQueryFilters().SingleAsync(a => a.Action == "store.removed"));
        Assert.Contains("its webhook subscriptions were deleted", audit.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_store_that_refuses_its_token_is_still_removed()
    {
        var id = await bed.ConnectShopifyAsync();
        bed.Shopify.Failure = new StoreApiException(StoreApiErrorKind.Authentication, "The access token was rejected.", 401);

        await using (var scope = bed.Host.ScopeFor(bed.TenantId, TenantRole.Owner))
        {
            await scope.ServiceProvider.GetRequiredService<StoreDirectory>().RemoveAsync(id);
        }

        await bed.RunJobsAsync();

        Assert.Equal(0, await bed.ReadAsync(db => db.Stores.IgnoreQueryFilters().CountAsync()));
        Assert.Equal(JobState.Succeeded, (await bed.JobsAsync(StoreRemovalFlow.Name)).Single().State);
    }
}
