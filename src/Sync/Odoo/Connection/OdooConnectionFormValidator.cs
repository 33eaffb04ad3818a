using FluentValidation;

namespace Portal.Sync.Odoo.Connection;

public sealed class OdooConnectionFormValidator : AbstractValidator<OdooConnectionForm>
{
    public OdooConnectionFormValidator()
    {
        RuleFor(f => f.Url)
            .NotEmpty().WithMessage("Enter the address of your Odoo, e.g. https://mycompany.odoo.com.")
            .MaximumLength(500)
            .Must(BeHttpUrl).WithMessage("Enter a full http:// or https:// address, e.g. https://mycompany.odoo.com.");
        RuleFor(f => f.Database)
            .NotEmpty().WithMessage("Enter the Odoo database name (shown on Odoo's database selector).")
            .MaximumLength(200);
        RuleFor(f => f.Login)
            .NotEmpty().WithMessage("Enter the login of the Odoo user the connector acts as.")
            .MaximumLength(200);
        RuleFor(f => f.Transport).IsInEnum();
        RuleFor(f => f.NewApiKey)
            .NotEmpty().When(f => !f.HasStoredApiKey)
            .WithMessage("Enter an API key (Odoo: Preferences → Account Security → New API Key).")
            .MaximumLength(500);
    }

    private static bool BeHttpUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
