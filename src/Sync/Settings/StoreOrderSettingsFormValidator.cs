using System.Linq.Expressions;
using FluentValidation;
using Portal.Data.Entities;

namespace Portal.Sync.Settings;

/// <summary>
/// Checks a store's order settings on the page and again on the server. Odoo records left empty fall back to
/// the company's defaults, or make the flow park the order with a link back here when it needs one (a
/// discount without a discount product).
/// </summary>
public sealed class StoreOrderSettingsFormValidator : AbstractValidator<StoreOrderSettingsForm>
{
    private const decimal MaxTotalTolerance = 1000m;

    public StoreOrderSettingsFormValidator()
    {
        RuleFor(f => f.ImportMode).IsInEnum();
        RuleFor(f => f.ProductMatching).IsInEnum();
        RuleFor(f => f.CustomerStrategy).IsInEnum();
        RuleFor(f => f.DiscountMode).IsInEnum();
        RuleFor(f => f.InvoicePolicy).IsInEnum();
        RuleFor(f => f.UninvoicedRefunds).IsInEnum();
        RuleFor(f => f.SingleCustomerId)
            .NotNull().When(f => f.CustomerStrategy == CustomerStrategy.SingleCustomer)
            .WithMessage("Choose the Odoo customer every order of this store goes to.");
        RuleFor(f => f.TotalTolerance)
            .InclusiveBetween(0m, MaxTotalTolerance)
            .WithMessage("Enter a tolerance between 0 and 1000, in the order's currency.");
        OdooId(f => f.CompanyId, "company");
        OdooId(f => f.PricelistId, "pricelist");
        OdooId(f => f.SalesTeamId, "sales team");
        OdooId(f => f.FiscalPositionId, "fiscal position");
        OdooId(f => f.SingleCustomerId, "customer");
        OdooId(f => f.DiscountProductId, "discount product");
        OdooId(f => f.ShippingProductId, "shipping product");
        OdooId(f => f.TipProductId, "tip product");
        OdooId(f => f.DutyProductId, "duty product");
        OdooId(f => f.FeeProductId, "fee product");
        OdooId(f => f.DefaultTaxId, "default tax");
    }

    private void OdooId(Expression<Func<StoreOrderSettingsForm, long?>> field, string name) =>
        RuleFor(field).GreaterThan(0).WithMessage($"Choose the {name} from Odoo's list.");
}
