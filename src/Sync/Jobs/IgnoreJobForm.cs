using FluentValidation;

namespace Portal.Sync.Jobs;

/// <summary>Why a person decided a job should not run; kept in the job's history and the audit trail.</summary>
public sealed class IgnoreJobForm
{
    public string Reason { get; set; } = "";
}

public sealed class IgnoreJobFormValidator : AbstractValidator<IgnoreJobForm>
{
    public const int MaxReasonLength = 500;

    public IgnoreJobFormValidator()
    {
        RuleFor(f => f.Reason)
            .Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("Say why the job should not run; the reason is kept in its history.")
            .MaximumLength(MaxReasonLength);
    }
}
