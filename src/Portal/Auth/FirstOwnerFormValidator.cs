using FluentValidation;

namespace Portal.Auth;

/// <summary>Shape checks; password strength is Identity's password rules, applied when the user is created.</summary>
public sealed class FirstOwnerFormValidator : AbstractValidator<FirstOwnerForm>
{
    public FirstOwnerFormValidator()
    {
        RuleFor(f => f.TenantName).NotEmpty().WithMessage("Enter your company's name.").MaximumLength(200);
        RuleFor(f => f.Email).NotEmpty().WithMessage("Enter your email address.").EmailAddress().WithMessage("Enter a valid email address.").MaximumLength(256);
        RuleFor(f => f.Password).NotEmpty().WithMessage("Choose a password.");
        RuleFor(f => f.ConfirmPassword).Equal(f => f.Password).WithMessage("The two passwords differ.");
    }
}
