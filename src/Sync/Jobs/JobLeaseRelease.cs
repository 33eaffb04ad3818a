using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Portal.Sync.Jobs;

/// <summary>At shutdown, after the worker stopped, hands this instance's running jobs back so another instance runs them now.</summary>
internal sealed class JobLeaseRelease(JobStore store, IOptions<JobEngineOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => store.ReleaseAsync(options.Value.InstanceId, cancellationToken);
}
