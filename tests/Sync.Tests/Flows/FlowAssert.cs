using Portal.Data.Entities;

namespace Portal.Sync.Tests.Flows;

internal static class FlowAssert
{
    /// <summary>The job succeeded; when it did not, its error says why.</summary>
    public static void AssertSucceeded(Job job) => Assert.Equal((JobState.Succeeded, (string?)null), (job.State, job.LastError));
}
