using FluentValidation;

namespace Portal.Auth;

public sealed class NewTenantFormValidator : AbstractValidator<NewTenantForm>
{
    public NewTenantFormValidator()
    {
        RuleFor(f => f.Name).NotEmpty().WithMessage("Enter the tenant's name, e.g. the merchant's company.").MaximumLength(200);
    }
}
