using FluentValidation;

namespace Portal.Sync.Stores;

public sealed class RecentOrdersImportFormValidator : AbstractValidator<RecentOrdersImportForm>
{
    /// <summary>Further back, an import is a migration to plan, not a quick action.</summary>
    public const int MaxDays = 60;

    public RecentOrdersImportFormValidator()
    {
        RuleFor(f => f.Days).InclusiveBetween(1, MaxDays).WithMessage($"Import the orders of the last 1 to {MaxDays} days.");
    }
}
