using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using Portal.Sync.Flows.Fulfilment;
using Portal.Sync.Odoo;
using Portal.Sync.Settings;
using Portal.Sync.Tests.Flows;

namespace Portal.Sync.Tests.Fulfilment;

/// <summary>WooCommerce shipping methods made from Odoo's carriers, each mapped back to its carrier.</summary>
[Trait("Category", "OdooFlow")]
public class CarrierShippingMethodsTests
{
    [Fact]
    public async Task Each_carrier_without_a_method_of_its_name_gets_a_flat_rate_at_its_price_and_every_carrier_a_mapping()
    {
        await using var bed = await FlowTestBed.StartAsync(StorePlatform.WooCommerce);
        var carriers = (await bed.Odoo.Client.SearchReadAsync("delivery.carrier", OdooDomain.All, ["name", "fixed_price"])).OfType<JsonNode>().ToList();
        var first = carriers[0].Text("name")!;
        bed.WooCommerce.Shipping.AddMethod(0, new JsonObject { ["method_id"] = "flat_rate", ["settings"] = new JsonObject { ["title"] = first, ["cost"] = "7" } });
        await using var scope = bed.Host.ScopeFor(bed.TenantId, TenantRole.Owner);
        var methods = scope.ServiceProvider.GetRequiredService<CarrierShippingMethods>();

        var added = await methods.CreateAsync(bed.StoreId, "0");

        Assert.Equal(carriers.Count - 1, added);
        var zone = bed.WooCommerce.Shipping.Methods(0).OfType<JsonObject>().ToList();
        Assert.Equal(carriers.Select(c => c.Text("name")).Order(), zone.Select(m => m["title"]!.GetValue<string>()).Order());
        Assert.All(carriers.Skip(1), carrier =>
        {
            var method = zone.Single(m => m["title"]!.GetValue<string>() == carrier.Text("name"));
            Assert.Equal("flat_rate", method["method_id"]!.GetValue<string>());
            Assert.Equal(carrier.Number("fixed_price"), decimal.Parse(method["settings"]!["cost"]!["value"]!.GetValue<string>(), CultureInfo.InvariantCulture));
        });
        var mappings = scope.ServiceProvider.GetRequiredService<ShippingMappings>();
        Assert.Equal(carriers.Select(c => (c.Text("name"), (long?)c.Id())).Order(), (await mappings.ListAsync(bed.StoreId)).Select(m => ((string?)m.Method, m.OdooCarrierId)).Order());

        Assert.Equal(0, await methods.CreateAsync(bed.StoreId, "0"));
        Assert.Equal(carriers.Count, (await mappings.ListAsync(bed.StoreId)).Count);
        Assert.Equal(carriers.Count, bed.WooCommerce.Shipping.Methods(0).Count);
    }
}
