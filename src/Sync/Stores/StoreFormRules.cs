using FluentValidation;

namespace Portal.Sync.Stores;

/// <summary>Rules the store forms share, so every form names a store and a shop the same way.</summary>
internal static class StoreFormRules
{
    public static IRuleBuilderOptions<T, string> StoreName<T>(this IRuleBuilder<T, string> rule, string example) =>
        rule.NotEmpty().WithMessage($"Name the store as your team calls it, e.g. '{example}'.").MaximumLength(200);

    public static IRuleBuilderOptions<T, string> ShopDomain<T>(this IRuleBuilder<T, string> rule, StoresOptions options) =>
        rule.NotEmpty().WithMessage("Enter the shop's myshopify.com domain, e.g. my-shop.myshopify.com.")
            .MaximumLength(200)
            .Must(shop => StoreAddressRules.IsShop(shop, options))
            .WithMessage("Enter the shop's myshopify.com domain, e.g. my-shop.myshopify.com (Shopify admin → Settings → Domains).");
}
