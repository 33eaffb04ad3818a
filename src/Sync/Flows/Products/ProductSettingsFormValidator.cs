using FluentValidation;
using Portal.Data.Entities;

namespace Portal.Sync.Flows.Products;

/// <summary>Shared by the Products page and <see cref="ProductSettings"/>, so the page shows what the service would refuse.</summary>
public sealed class ProductSettingsFormValidator : AbstractValidator<ProductSettingsForm>
{
    public ProductSettingsFormValidator()
    {
        RuleFor(f => f.Direction).IsInEnum().WithMessage("Choose which way products go.");
        RuleFor(f => f.ExportPricelistId).GreaterThan(0).When(f => f.ExportPricelistId is not null).WithMessage("Choose a pricelist from Odoo's list.");
        RuleFor(f => f.CreateMissingProducts).Equal(false).When(f => f.Direction != ProductDirection.OdooToStore)
            .WithMessage("Products are created in the store only when they go from Odoo to the store.");
        RuleFor(f => f.ExportDescriptions).Equal(false).When(f => f.Direction != ProductDirection.OdooToStore)
            .WithMessage("Descriptions are exported only when products go from Odoo to the store.");
    }
}
