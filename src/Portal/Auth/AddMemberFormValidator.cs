using FluentValidation;

namespace Portal.Auth;

public sealed class AddMemberFormValidator : AbstractValidator<AddMemberForm>
{
    public AddMemberFormValidator()
    {
        RuleFor(f => f.Email).NotEmpty().WithMessage("Enter the person's email address.")
            .EmailAddress().WithMessage("Enter a valid email address.").MaximumLength(256);
        RuleFor(f => f.Role).IsInEnum();
    }
}
