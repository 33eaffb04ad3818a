using FluentValidation;

namespace Portal.Sync.Settings;

public sealed class LocationMappingFormValidator : AbstractValidator<LocationMappingForm>
{
    public LocationMappingFormValidator()
    {
        RuleFor(f => f.StoreLocationId)
            .NotEmpty().WithMessage("Enter the store's id of the location (default for a WooCommerce site).")
            .MaximumLength(100);
        RuleFor(f => f.StoreLocationName)
            .NotEmpty().WithMessage("Enter the location's name as the store shows it.")
            .MaximumLength(200);
        RuleFor(f => f.OdooWarehouseId)
            .NotNull().When(f => f.OdooLocationId is null)
            .WithMessage("Choose the Odoo warehouse, or a stock location.")
            .GreaterThan(0);
        RuleFor(f => f.OdooLocationId).GreaterThan(0);
    }
}
