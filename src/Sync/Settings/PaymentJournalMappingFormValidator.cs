using FluentValidation;

namespace Portal.Sync.Settings;

public sealed class PaymentJournalMappingFormValidator : AbstractValidator<PaymentJournalMappingForm>
{
    public PaymentJournalMappingFormValidator()
    {
        RuleFor(f => f.Gateway)
            .NotEmpty().WithMessage("Enter the payment gateway as the store names it, e.g. shopify_payments or paypal.")
            .MaximumLength(100);
        RuleFor(f => f.OdooJournalId)
            .NotNull().WithMessage("Choose the Odoo bank or cash journal.")
            .GreaterThan(0).WithMessage("Choose the Odoo bank or cash journal.");
    }
}
