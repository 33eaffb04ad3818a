using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using Portal.Sync.Flows.Fulfilment;
using Portal.Sync.Tests.Flows;

namespace Portal.Sync.Tests.Fulfilment;

/// <summary>One delivery poll per store and poll interval, however often and by however many instances the scheduler is asked.</summary>
public class FulfilmentSchedulerTests
{
    [Fact]
    public async Task A_store_gets_one_poll_per_interval_and_none_while_its_last_one_waits()
    {
        await using var bed = await FlowTestBed.StartAsync(StorePlatform.Shopify);
        var scheduler = bed.Host.Services.GetRequiredService<FulfilmentScheduler>();
        await using var otherInstance = bed.Host.SecondInstance();

        Assert.Equal(1, await scheduler.EnqueueDueAsync());
        Assert.Equal(0, await otherInstance.GetRequiredService<FulfilmentScheduler>().EnqueueDueAsync());
        bed.Host.Clock.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(0, await scheduler.EnqueueDueAsync());

        await bed.RunJobsAsync();
        Assert.Equal(1, await scheduler.EnqueueDueAsync());
        Assert.Equal(0, await otherInstance.GetRequiredService<FulfilmentScheduler>().EnqueueDueAsync());
        Assert.Equal(2, (await bed.JobsAsync(FulfilmentSyncFlow.Name)).Count);
    }

    [Fact]
    public async Task A_store_that_does_not_fulfil_through_the_connector_is_not_polled()
    {
        await using var bed = await FlowTestBed.StartAsync(StorePlatform.WooCommerce, StoreFeatures.Default & ~StoreFeatures.Fulfilment);

        Assert.Equal(0, await bed.Host.Services.GetRequiredService<FulfilmentScheduler>().EnqueueDueAsync());
    }
}
