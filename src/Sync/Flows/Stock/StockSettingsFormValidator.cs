using FluentValidation;
using Portal.Data.Entities;

namespace Portal.Sync.Flows.Stock;

/// <summary>Checks a store's quantity rule on the Stock page and again on the server.</summary>
public sealed class StockSettingsFormValidator : AbstractValidator<StockSettingsForm>
{
    private const decimal MaxUnits = 1_000_000m;

    public StockSettingsFormValidator()
    {
        RuleFor(f => f.QuantityRule).IsInEnum();
        RuleFor(f => f.BufferKind).IsInEnum();
        RuleFor(f => f.BufferValue)
            .InclusiveBetween(0m, 100m).When(f => f.BufferKind == StockBufferKind.Percent)
            .WithMessage("Enter a buffer between 0 and 100 %.");
        RuleFor(f => f.BufferValue)
            .InclusiveBetween(0m, MaxUnits).When(f => f.BufferKind == StockBufferKind.Units)
            .WithMessage("Enter a buffer between 0 and 1,000,000 units.");
    }
}
