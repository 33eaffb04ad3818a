using FluentValidation;
using Microsoft.Extensions.Options;

namespace Portal.Sync.Stores;

public sealed class WooCommerceStoreFormValidator : AbstractValidator<WooCommerceStoreForm>
{
    public WooCommerceStoreFormValidator(IOptions<StoresOptions> options)
    {
        RuleFor(f => f.Name).StoreName("Wholesale site");
        RuleFor(f => f.SiteUrl)
            .NotEmpty().WithMessage("Enter the site's address, e.g. https://shop.example.com.")
            .MaximumLength(500)
            .Must(url => StoreAddressRules.IsSite(url, options.Value))
            .WithMessage("Enter the site's full address, e.g. https://shop.example.com.");
        RuleFor(f => f.AllowInsecureHttp)
            .Equal(true).When(f => StoreAddressRules.IsPlainHttpSite(f.SiteUrl, options.Value))
            .WithMessage("The site is plain http://, so the key would travel unencrypted. Use https://, or tick 'Allow plain HTTP' to sign requests with OAuth 1.0a.");
        RuleFor(f => f.ConsumerKey)
            .NotEmpty().WithMessage("Enter the consumer key (it starts with 'ck_').")
            .MaximumLength(200);
        RuleFor(f => f.ConsumerSecret)
            .NotEmpty().WithMessage("Enter the consumer secret (it starts with 'cs_').")
            .MaximumLength(200);
    }
}
