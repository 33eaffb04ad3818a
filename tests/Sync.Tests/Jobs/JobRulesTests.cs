using Portal.Data.Entities;
using Portal.Sync.Jobs;
using Portal.Sync.Odoo;

namespace Portal.Sync.Tests.Jobs;

public class JobRulesTests
{
    [Theory]
    [InlineData(JobState.Pending, JobState.Running, true)]
    [InlineData(JobState.Running, JobState.Succeeded, true)]
    [InlineData(JobState.Running, JobState.Failed, true)]
    [InlineData(JobState.Failed, JobState.Running, true)]
    [InlineData(JobState.NeedsAttention, JobState.Pending, true)]
    [InlineData(JobState.Cancelled, JobState.Pending, true)]
    [InlineData(JobState.Succeeded, JobState.Pending, false)]
    [InlineData(JobState.Succeeded, JobState.Running, false)]
    [InlineData(JobState.Pending, JobState.Succeeded, false)]
    [InlineData(JobState.NeedsAttention, JobState.Running, false)]
    public void The_state_machine_allows_only_its_transitions(JobState from, JobState to, bool allowed) =>
        Assert.Equal(allowed, JobTransitions.IsAllowed(from, to));

    [Fact]
    public void Backoff_grows_exponentially_within_its_jitter_and_cap()
    {
        var policy = new JobRetryPolicy { BaseDelay = TimeSpan.FromSeconds(10), MaxDelay = TimeSpan.FromMinutes(5) };

        Assert.Equal(TimeSpan.FromSeconds(8), policy.DelayAfter(1, null, jitter: 0));
        Assert.Equal(TimeSpan.FromSeconds(24), policy.DelayAfter(2, null, jitter: 1));
        Assert.Equal(TimeSpan.FromSeconds(40), policy.DelayAfter(3, null, jitter: 0.5));
        Assert.Equal(TimeSpan.FromMinutes(5), policy.DelayAfter(20, null, jitter: 0.5));
    }

    [Fact]
    public void A_rate_limits_Retry_After_wins_when_it_is_longer()
    {
        var policy = new JobRetryPolicy { BaseDelay = TimeSpan.FromSeconds(1) };

        Assert.Equal(TimeSpan.FromSeconds(30), policy.DelayAfter(1, TimeSpan.FromSeconds(30), jitter: 0.5));
        Assert.Equal(TimeSpan.FromSeconds(1), policy.DelayAfter(1, TimeSpan.FromMilliseconds(10), jitter: 0.5));
    }

    [Fact]
    public void Flows_can_override_the_defaults()
    {
        var policy = new JobRetryPolicy { MaxAttempts = 8, Flows = { ["stock.push"] = new JobRetryPolicy { MaxAttempts = 3 } } };

        Assert.Equal(3, policy.For("stock.push").MaxAttempts);
        Assert.Equal(8, policy.For("orders.import").MaxAttempts);
    }

    [Theory]
    [InlineData(OdooErrorKind.Transient, JobErrorKind.Transient)]
    [InlineData(OdooErrorKind.Authentication, JobErrorKind.Configuration)]
    [InlineData(OdooErrorKind.Permission, JobErrorKind.Configuration)]
    [InlineData(OdooErrorKind.Validation, JobErrorKind.Validation)]
    [InlineData(OdooErrorKind.Missing, JobErrorKind.Validation)]
    [InlineData(OdooErrorKind.Protocol, JobErrorKind.Unexpected)]
    public void Odoo_errors_become_job_failures_of_the_right_kind(OdooErrorKind odoo, JobErrorKind expected)
    {
        var failure = JobFailures.From(new OdooException(odoo, "Odoo said no", "odoo.exceptions.Something", "Traceback"));

        Assert.Equal(expected, failure.Kind);
        Assert.Equal("Odoo said no", failure.Message);
        Assert.Contains("Traceback", failure.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_mapping_names_the_fix_and_groups_by_root_cause()
    {
        var first = JobFailures.From(new JobConfigurationException("No tax mapping for 'FR TVA 20%' (20 %, FR, included)", "mappings/tax"));
        var second = JobFailures.From(new JobConfigurationException("No tax mapping for 'FR TVA 20%' (20 %, FR, included)", "mappings/tax"));
        var other = JobFailures.From(new JobConfigurationException("No tax mapping for 'GST 5 %' (5 %, CA, excluded)", "mappings/tax"));

        Assert.Equal((JobErrorKind.Configuration, "mappings/tax"), (first.Kind, first.FixPath));
        Assert.Equal(first.Fingerprint, second.Fingerprint);
        Assert.NotEqual(first.Fingerprint, other.Fingerprint);
    }
}
