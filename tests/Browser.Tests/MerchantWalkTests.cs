using Portal.Fakes.Sandbox;

namespace Portal.Browser.Tests;

/// <summary>
/// The merchant's whole path on the demo sandbox, in a real browser against the real portal: connect Odoo and a
/// Shopify shop, map taxes, warehouse and journal, send an order and find it in Odoo; then break the tax mapping,
/// watch the next order park under its cause, fix the mapping from there and retry the group. Each step saves
/// the screenshot the README's five-minute tour shows (TestResults/tour) and passes axe.
/// </summary>
public class MerchantWalkTests
{
    [Fact]
    public async Task A_merchant_connects_maps_sends_orders_and_recovers_a_broken_mapping_on_the_sandbox()
    {
        await using var sandbox = await DemoSandbox.StartAsync(SandboxPorts.Free);
        await using var portal = await PortalProcess.StartWithOwnerAsync(MerchantWalk.Email, MerchantWalk.Password, "Sandbox Outfitters", new Dictionary<string, string>
        {
            ["Stores__AllowLoopbackAddresses"] = "true",
            ["Jobs__PollInterval"] = "00:00:00.500",
        });
        await using var session = await BrowserSession.OpenAsync(portal.BaseAddress);

        await session.RunAsync(nameof(A_merchant_connects_maps_sends_orders_and_recovers_a_broken_mapping_on_the_sandbox), portal, async page =>
        {
            var walk = new MerchantWalk(page, sandbox);
            await walk.SignInAsync();
            await walk.AddOdooAsync();
            await walk.AddShopifyStoreAsync();
            await walk.MapTaxAsync();
            await walk.MapWarehouseAsync();
            await walk.MapJournalAsync();
            await walk.EnableFeaturesAsync();

            var first = await walk.SendOrderAsync();
            await walk.SeeSaleOrderInOdooAsync(first);
            await walk.SeeOrderSucceededOnJobsPageAsync(first, "08-order-imported");

            await walk.BreakTaxMappingAsync();
            var second = await walk.SendOrderAsync();
            await walk.SeeParkedGroupAsync(second);
            await walk.FixTaxMappingFromGroupAsync();
            await walk.RetryAllAsync();
            await walk.SeeOrderSucceededOnJobsPageAsync(second, "13-retried");
            await walk.SeeSaleOrderInOdooAsync(second);
        });
    }
}
