using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Primitives;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Secrets;
using Portal.Sync.Shopify;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Stores;

/// <summary>
/// Connects a shop by installing the merchant's own app through OAuth. <see cref="BeginAsync"/> keeps the
/// install (the app's secret encrypted) and gives the address to send the person to; Shopify sends them back
/// to the callback, which <see cref="CompleteAsync"/> checks — the same person, in time, signed by the app's
/// secret, for the same shop — before it exchanges the code for the offline token and connects the store.
/// </summary>
public sealed class ShopifyInstalls(
    IDbContextFactory<PortalDbContext> dbFactory,
    TenantContext tenant,
    SecretProtector secrets,
    ShopifyOAuth oauth,
    StoreDirectory directory,
    IValidator<ShopifyAppForm> validator,
    TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    public static string CallbackPath(Guid tenantId) => $"/t/{tenantId}/stores/shopify/callback";

    public async Task<Uri> BeginAsync(ShopifyAppForm form, Uri portalBaseUrl, CancellationToken cancellationToken = default)
    {
        var tenantId = tenant.Demand(TenantPermission.ManageSettings);
        await validator.ValidateAndThrowAsync(form, cancellationToken);
        var shop = oauth.ParseShop(StoreAddresses.NormalizeShop(form.Shop))
            ?? throw new ValidationException("Enter the shop's myshopify.com domain, e.g. my-shop.myshopify.com.");
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.ShopifyInstalls.Where(i => i.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        var install = new ShopifyInstall
        {
            StoreName = form.Name.Trim(),
            Shop = StoreAddresses.NormalizeShop(form.Shop),
            ClientId = form.ClientId.Trim(),
            ProtectedClientSecret = secrets.Protect(form.ClientSecret.Trim()),
            UserId = tenant.UserId ?? throw new TenantAccessDeniedException(TenantPermission.ManageSettings),
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        };
        db.ShopifyInstalls.Add(install);
        await db.SaveChangesAsync(cancellationToken);
        return oauth.AuthorizeUrl(shop, install.ClientId, CallbackUrl(portalBaseUrl, tenantId), install.Id.ToString("N"));
    }

    public static Uri CallbackUrl(Uri portalBaseUrl, Guid tenantId) => new(portalBaseUrl.AbsoluteUri.TrimEnd('/') + CallbackPath(tenantId));

    public async Task<StoreConnectResult> CompleteAsync(IEnumerable<KeyValuePair<string, StringValues>> query, CancellationToken cancellationToken = default)
    {
        tenant.Demand(TenantPermission.ManageSettings);
        var parameters = query.ToList();
        string? Parameter(string name) => parameters.Where(p => p.Key == name).Select(p => p.Value.ToString()).FirstOrDefault();

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var install = Guid.TryParseExact(Parameter("state"), "N", out var state)
            ? await db.ShopifyInstalls.SingleOrDefaultAsync(i => i.Id == state, cancellationToken)
            : null;
        if (install is null || install.ExpiresAt < clock.GetUtcNow() || install.UserId != tenant.UserId)
        {
            return StoreConnectResult.Failed("This install link is unknown, expired or was started by someone else: start the install again.");
        }

        var clientSecret = secrets.Unprotect(install.ProtectedClientSecret);
        if (!ShopifyOAuth.IsAuthentic(parameters, clientSecret))
        {
            throw new ShopifyCallbackForgedException();
        }

        var shop = oauth.ParseShop(Parameter("shop"));
        if (shop is null || shop != oauth.ParseShop(install.Shop) || Parameter("code") is not { Length: > 0 } code)
        {
            return StoreConnectResult.Failed($"Shopify answered for another shop than {install.Shop}: start the install again.");
        }

        db.ShopifyInstalls.Remove(install);
        await db.SaveChangesAsync(cancellationToken);
        try
        {
            var grant = await oauth.ExchangeCodeAsync(shop, install.ClientId, clientSecret, code, cancellationToken);
            return await directory.ConnectInstalledShopifyAppAsync(install.StoreName, install.Shop, new ShopifyCredentials(grant.AccessToken, install.ClientId), clientSecret, cancellationToken);
        }
        catch (StoreApiException ex)
        {
            return StoreConnectResult.Failed(ex.Message);
        }
    }
}
