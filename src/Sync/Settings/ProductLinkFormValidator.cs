using FluentValidation;

namespace Portal.Sync.Settings;

public sealed class ProductLinkFormValidator : AbstractValidator<ProductLinkForm>
{
    public ProductLinkFormValidator()
    {
        RuleFor(f => f.Sku)
            .NotEmpty().WithMessage("Enter the SKU as the store's order lines carry it.")
            .MaximumLength(ProductLinks.MaxSkuLength).WithMessage($"A SKU has at most {ProductLinks.MaxSkuLength} characters here.");
        RuleFor(f => f.OdooProductId)
            .NotNull().WithMessage("Choose the Odoo product.")
            .GreaterThan(0).WithMessage("Choose the Odoo product.");
    }
}
