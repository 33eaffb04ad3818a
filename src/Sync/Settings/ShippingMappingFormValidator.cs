using FluentValidation;

namespace Portal.Sync.Settings;

public sealed class ShippingMappingFormValidator : AbstractValidator<ShippingMappingForm>
{
    public ShippingMappingFormValidator()
    {
        RuleFor(f => f.Method)
            .NotEmpty().WithMessage("Enter the shipping method's code as the store's orders carry it (or its title when it has no code).")
            .MaximumLength(200);
        RuleFor(f => f.OdooCarrierId)
            .NotNull().When(f => f.OdooProductId is null)
            .WithMessage("Choose a delivery carrier, or a service product instead.")
            .GreaterThan(0);
        RuleFor(f => f.OdooProductId)
            .Null().When(f => f.OdooCarrierId is not null)
            .WithMessage("Choose a delivery carrier or a service product, not both: a carrier brings its own delivery product.")
            .GreaterThan(0);
    }
}
