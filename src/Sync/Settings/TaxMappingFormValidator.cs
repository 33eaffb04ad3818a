using FluentValidation;

namespace Portal.Sync.Settings;

public sealed class TaxMappingFormValidator : AbstractValidator<TaxMappingForm>
{
    public TaxMappingFormValidator()
    {
        RuleFor(f => f.Title)
            .NotEmpty().WithMessage("Enter the tax's title as the store's orders name it, e.g. TVA 20%.")
            .MaximumLength(200);
        RuleFor(f => f.Rate)
            .InclusiveBetween(0m, 1m).WithMessage("Enter the rate as a fraction between 0 and 1: 0.2 for 20 %.");
        RuleFor(f => f.CountryCode)
            .Matches("^([A-Za-z]{2})?$").WithMessage("Enter the country's two-letter code (FR), or leave it empty for any country.");
        RuleFor(f => f.OdooTaxId)
            .NotNull().WithMessage("Choose the Odoo sale tax.")
            .GreaterThan(0).WithMessage("Choose the Odoo sale tax.");
    }
}
