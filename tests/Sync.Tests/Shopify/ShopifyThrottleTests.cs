using Portal.Fakes.Shopify;
using Portal.Sync.Stores;

namespace Portal.Sync.Tests.Shopify;

/// <summary>
/// The client against the fake shop's leaky bucket, both on a clock where waiting takes no real time: the
/// client's waits are read off the clock, the bucket refills by the same clock.
/// </summary>
public class ShopifyThrottleTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A standard plan's bucket (1000 points, 50 a second) and twelve orders of 25 lines, each read for about 850 points.</summary>
    private static async Task<ShopifyTestShop> ShopWithExpensiveOrdersAsync()
    {
        var shop = await ShopifyTestShop.StartAsync(maximumAvailable: 1000, restoreRate: 50);
        for (var i = 1; i <= 12; i++)
        {
            shop.Server.AddOrder(FakeShopifyOrder.Create(i, Start, lines: 25));
        }

        return shop;
    }

    [Fact]
    public async Task A_burst_of_expensive_queries_waits_for_the_bucket_and_is_never_throttled()
    {
        await using var shop = await ShopWithExpensiveOrdersAsync();

        var client = shop.Client();
        for (var i = 1; i <= 12; i++)
        {
            Assert.NotNull(await client.OrderAsync($"{i}", CancellationToken.None));
        }

        Assert.Equal(0, shop.Server.Throttled);
        Assert.Equal(12, shop.Server.CallsOf("order"));

        // Twelve orders cost more than the bucket holds: the rest of them was paid for in time, at 50 points a second.
        Assert.True(shop.Clock.Waited > TimeSpan.FromSeconds(10), $"waited {shop.Clock.Waited}");
    }

    [Fact]
    public async Task Clients_of_one_shop_share_its_bucket_and_together_are_never_throttled()
    {
        await using var shop = await ShopWithExpensiveOrdersAsync();

        var first = shop.Client();
        var second = shop.Client();
        await first.DescribeAsync(CancellationToken.None);
        Assert.NotNull(second.GraphQl.Throttle);

        await Task.WhenAll(
            Task.Run(async () =>
            {
                for (var i = 1; i <= 6; i++)
                {
                    await first.OrderAsync($"{i}", CancellationToken.None);
                }
            }),
            Task.Run(async () =>
            {
                for (var i = 7; i <= 12; i++)
                {
                    await second.OrderAsync($"{i}", CancellationToken.None);
                }
            }));

        Assert.Equal(0, shop.Server.Throttled);
        Assert.Equal(12, shop.Server.CallsOf("order"));
    }

    [Fact]
    public async Task An_empty_bucket_is_throttled_once_then_waited_for()
    {
        await using var shop = await ShopifyTestShop.StartAsync(maximumAvailable: 1000, restoreRate: 50);
        shop.Server.AddOrder(FakeShopifyOrder.Create(1, Start, lines: 3));
        shop.Server.Bucket.Drain();

        var order = await shop.Client().OrderAsync("1", CancellationToken.None);

        Assert.Equal(3, order!.Lines.Count);
        Assert.Equal(1, shop.Server.Throttled);
        Assert.Equal(1, shop.Server.CallsOf("order"));

        // The THROTTLED answer said what the query costs; the client waited until the bucket held that much (and its margin).
        Assert.InRange(shop.Clock.Waited.TotalSeconds, 10, 20);
    }

    [Fact]
    public async Task A_bucket_that_stays_empty_fails_as_transient_after_the_allowed_retries()
    {
        await using var shop = await ShopifyTestShop.StartAsync(maximumAvailable: 1000, restoreRate: 50,
            settings: new Dictionary<string, string?> { ["Shopify:MaxThrottledRetries"] = "0" });
        shop.Server.Bucket.Drain();

        var error = await Assert.ThrowsAsync<StoreApiException>(() => shop.Client().DescribeAsync(CancellationToken.None));

        Assert.Equal((StoreApiErrorKind.Transient, "THROTTLED"), (error.Kind, error.Code));
        Assert.Equal(1, shop.Server.Throttled);
    }
}
