using FluentValidation;
using Microsoft.Extensions.Options;

namespace Portal.Sync.Stores;

public sealed class ShopifyStoreFormValidator : AbstractValidator<ShopifyStoreForm>
{
    public ShopifyStoreFormValidator(IOptions<StoresOptions> options)
    {
        RuleFor(f => f.Name).NotEmpty().WithMessage("Name the store as your team calls it, e.g. 'EU shop'.").MaximumLength(200);
        RuleFor(f => f.Shop)
            .NotEmpty().WithMessage("Enter the shop's myshopify.com domain, e.g. my-shop.myshopify.com.")
            .MaximumLength(200)
            .Must(shop => StoreAddressRules.IsShop(shop, options.Value))
            .WithMessage("Enter the shop's myshopify.com domain, e.g. my-shop.myshopify.com (Shopify admin → Settings → Domains).");
        RuleFor(f => f.AccessToken)
            .NotEmpty().WithMessage("Enter the app's Admin API access token (it starts with 'shpat_').")
            .MaximumLength(500);
        RuleFor(f => f.AppSecret)
            .NotEmpty().WithMessage("Enter the app's API secret key (client secret): Shopify signs webhooks with it.")
            .MaximumLength(500);
    }
}
