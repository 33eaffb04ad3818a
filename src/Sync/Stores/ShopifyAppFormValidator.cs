using FluentValidation;
using Microsoft.Extensions.Options;

namespace Portal.Sync.Stores;

public sealed class ShopifyAppFormValidator : AbstractValidator<ShopifyAppForm>
{
    public ShopifyAppFormValidator(IOptions<StoresOptions> options)
    {
        RuleFor(f => f.Name).StoreName("EU shop");
        RuleFor(f => f.Shop).ShopDomain(options.Value);
        RuleFor(f => f.ClientId)
            .NotEmpty().WithMessage("Enter the app's client id (developer dashboard → your app → Settings).")
            .MaximumLength(200);
        RuleFor(f => f.ClientSecret)
            .NotEmpty().WithMessage("Enter the app's client secret (developer dashboard → your app → Settings).")
            .MaximumLength(500);
    }
}
