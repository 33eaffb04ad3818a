using FluentValidation;
using Microsoft.Extensions.Options;

namespace Portal.Sync.Stores;

public sealed class ShopifyStoreFormValidator : AbstractValidator<ShopifyStoreForm>
{
    public ShopifyStoreFormValidator(IOptions<StoresOptions> options)
    {
        RuleFor(f => f.Name).StoreName("EU shop");
        RuleFor(f => f.Shop).ShopDomain(options.Value);
        RuleFor(f => f.AccessToken)
            .NotEmpty().WithMessage("Enter the app's Admin API access token (it starts with 'shpat_').")
            .MaximumLength(500);
        RuleFor(f => f.AppSecret)
            .NotEmpty().WithMessage("Enter the app's API secret key (client secret): Shopify signs webhooks with it.")
            .MaximumLength(500);
    }
}
