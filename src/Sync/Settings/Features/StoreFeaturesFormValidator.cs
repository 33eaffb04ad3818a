using FluentValidation;

namespace Portal.Sync.Settings.Features;

/// <summary>
/// What a store's features may be whatever its mappings: the page, the service and the configuration import check with
/// it. Whether the mappings allow switching a feature on is <see cref="StoreFeatureRequirements"/>' question, because it
/// needs the store's recent orders.
/// </summary>
public sealed class StoreFeaturesFormValidator : AbstractValidator<StoreFeaturesForm>
{
    public StoreFeaturesFormValidator()
    {
        RuleFor(f => f.Products).IsInEnum().WithMessage("Choose which way products go.");
    }
}
