using System.Text.Json.Nodes;
using Portal.Data.Entities;
using Portal.Fakes.Orders;
using Portal.Sync.Odoo;

using static Portal.Sync.Tests.Flows.FlowAssert;

namespace Portal.Sync.Tests.Flows;

/// <summary>The contacts an order's sale order goes to, made through the order flow (see <see cref="FlowOdoo"/> for the Odoo side).</summary>
[Trait("Category", "OdooFlow")]
public class CustomerFlowTests
{
    private const StoreFeatures OrdersOnly = StoreFeatures.Orders | StoreFeatures.Customers;

    [Fact]
    public async Task A_customer_is_made_once_by_email_found_again_without_a_call_and_written_when_the_phone_changes()
    {
        await using var bed = await FlowTestBed.StartAsync(StorePlatform.Shopify, OrdersOnly);
        var spec = bed.Spec((0, 1, 20.00m));
        var first = await bed.PlaceAsync(spec);
        AssertSucceeded(await bed.SyncOrderAsync(first));
        Assert.Equal(1, bed.Traffic.CountOf("res.partner", "create"));
        var customer = (await bed.Odoo.SaleOrderAsync(bed.Origin(first))).ManyToOneId("partner_id")!.Value;

        bed.Traffic.Clear();
        var second = await bed.PlaceAsync(spec with { Lines = [spec.Lines[0] with { Quantity = 2 }] });
        AssertSucceeded(await bed.SyncOrderAsync(second));
        Assert.DoesNotContain(bed.Traffic.Calls, c => c.Model == "res.partner");
        Assert.Equal(customer, (await bed.Odoo.SaleOrderAsync(bed.Origin(second))).ManyToOneId("partner_id"));

        bed.Traffic.Clear();
        var third = await bed.PlaceAsync(spec with { Phone = "+1 415 555 0199" });
        AssertSucceeded(await bed.SyncOrderAsync(third));

        Assert.Equal(["res.partner.write"], bed.Traffic.Calls.Where(c => c.Model == "res.partner").Select(c => $"{c.Model}.{c.Method}"));
        Assert.Equal(customer, (await bed.Odoo.SaleOrderAsync(bed.Origin(third))).ManyToOneId("partner_id"));
        var contact = (await bed.Odoo.Client.ReadAsync("res.partner", [customer], ["phone", "email", "street", "city", "zip", "state_id", "country_id"])).Single()!;
        Assert.Equal(("+1 415 555 0199", spec.Email, "1 Market St", "San Francisco", "94105"),
            (contact.Text("phone"), contact.Text("email"), contact.Text("street"), contact.Text("city"), contact.Text("zip")));
        Assert.Equal("CA", (await bed.Odoo.Client.ReadAsync("res.country.state", [contact.ManyToOneId("state_id")!.Value], ["code"])).Single()!.Text("code"));
        Assert.Single(await bed.Odoo.Client.SearchAsync("res.partner", OdooDomain.Where("email", "=ilike", spec.Email)));
    }

    [Fact]
    public async Task A_contact_odoo_already_has_under_the_email_in_another_case_is_used_and_not_made_again()
    {
        await using var bed = await FlowTestBed.StartAsync(StorePlatform.WooCommerce, OrdersOnly);
        var spec = bed.Spec((0, 1, 20.00m));
        var existing = (await bed.Odoo.Client.CreateAsync("res.partner", [new JsonObject { ["name"] = "Ada (Odoo)", ["email"] = spec.Email.ToUpperInvariant() }]))[0];
        var orderId = await bed.PlaceAsync(spec);

        AssertSucceeded(await bed.SyncOrderAsync(orderId));

        Assert.Equal(0, bed.Traffic.CountOf("res.partner", "create"));
        Assert.Equal(existing, (await bed.Odoo.SaleOrderAsync(bed.Origin(orderId))).ManyToOneId("partner_id"));
    }

    [Fact]
    public async Task With_customers_off_no_contact_is_written_an_existing_one_is_used_and_an_unknown_email_waits_for_a_person()
    {
        await using var bed = await FlowTestBed.StartAsync(StorePlatform.Shopify, StoreFeatures.Orders);
        var spec = bed.Spec((0, 1, 20.00m));
        var unknown = await bed.PlaceAsync(spec);

        var parked = await bed.SyncOrderAsync(unknown);

        Assert.Equal(JobState.NeedsAttention, parked.State);
        Assert.Contains($"has no Odoo contact, and this store's Customers feature is off", parked.LastError, StringComparison.Ordinal);
        Assert.Equal($"stores/{bed.StoreId}/settings?tab=features", parked.FixPath);
        Assert.Equal(0, bed.Traffic.CountOf("res.partner", "create"));

        var existing = (await bed.Odoo.Client.CreateAsync("res.partner", [new JsonObject { ["name"] = "Ada (Odoo)", ["email"] = spec.Email }]))[0];
        bed.Traffic.Clear();
        var known = await bed.PlaceAsync(spec with { Phone = "+1 415 555 0199" });
        AssertSucceeded(await bed.SyncOrderAsync(known));

        Assert.Equal(["res.partner.search_read"], bed.Traffic.Calls.Where(c => c.Model == "res.partner").Select(c => $"{c.Model}.{c.Method}"));
        var order = await bed.Odoo.SaleOrderAsync(bed.Origin(known));
        Assert.Equal((existing, existing), (order.ManyToOneId("partner_id"), order.ManyToOneId("partner_shipping_id")));
    }

    [Fact]
    public async Task Under_a_single_customer_every_order_goes_to_it_and_its_delivery_address_is_a_contact_made_once()
    {
        await using var bed = await FlowTestBed.StartAsync(StorePlatform.Shopify, OrdersOnly);
        var single = (await bed.Odoo.Client.CreateAsync("res.partner", [new JsonObject { ["name"] = bed.Odoo.Unique("web shop customer"), ["is_company"] = true }]))[0];
        await bed.SettingsAsync(s =>
        {
            s.CustomerStrategy = CustomerStrategy.SingleCustomer;
            s.SingleCustomerId = single;
        });
        var spec = bed.Spec((0, 1, 20.00m));

        var first = await bed.PlaceAsync(spec);
        AssertSucceeded(await bed.SyncOrderAsync(first));
        bed.Traffic.Clear();
        var second = await bed.PlaceAsync(spec with { Email = "someone.else@example.com" });
        AssertSucceeded(await bed.SyncOrderAsync(second));

        Assert.DoesNotContain(bed.Traffic.Calls, c => c.Model == "res.partner");
        var orders = new[] { await bed.Odoo.SaleOrderAsync(bed.Origin(first)), await bed.Odoo.SaleOrderAsync(bed.Origin(second)) };
        Assert.All(orders, o => Assert.Equal((single, single), (o.ManyToOneId("partner_id"), o.ManyToOneId("partner_invoice_id"))));
        var delivery = orders[0].ManyToOneId("partner_shipping_id")!.Value;
        Assert.Equal(delivery, orders[1].ManyToOneId("partner_shipping_id"));
        var contact = (await bed.Odoo.Client.ReadAsync("res.partner", [delivery], ["parent_id", "type", "street", "city", "zip", "name"])).Single()!;
        Assert.Equal((single, "delivery", "1 Market St", "San Francisco", "94105"),
            (contact.ManyToOneId("parent_id")!.Value, contact.Text("type"), contact.Text("street"), contact.Text("city"), contact.Text("zip")));
    }

    [Fact]
    public async Task A_b2b_order_puts_the_person_under_the_company()
    {
        await using var bed = await FlowTestBed.StartAsync(StorePlatform.WooCommerce, OrdersOnly);
        var company = bed.Odoo.Unique("Acme Corp");
        var orderId = await bed.PlaceAsync(bed.Spec((0, 1, 20.00m)) with { Company = company });

        var job = await bed.SyncOrderAsync(orderId);

        AssertSucceeded(job);
        var person = (await bed.Odoo.Client.ReadAsync("res.partner", [(await bed.Odoo.SaleOrderAsync(bed.Origin(orderId))).ManyToOneId("partner_id")!.Value],
            ["parent_id", "is_company", "name"])).Single()!;
        Assert.False(person["is_company"]!.GetValue<bool>());
        var parent = (await bed.Odoo.Client.ReadAsync("res.partner", [person.ManyToOneId("parent_id")!.Value], ["name", "is_company"])).Single()!;
        Assert.Equal((company, true), (parent.Text("name"), parent["is_company"]!.GetValue<bool>()));
        Assert.Contains((RecordLinkKind.Customer, parent.Id()), (await bed.LinksAsync(RecordLinkKind.Customer)).Select(l => (l.Kind, l.OdooId)));
    }

    [Fact]
    public async Task A_state_odoo_does_not_know_is_a_configuration_error_that_names_it()
    {
        await using var bed = await FlowTestBed.StartAsync(StorePlatform.Shopify, OrdersOnly);
        var nowhere = new FakeAddressSpec("1 Nowhere Rd", "Nowhere", "ZZ", "00000", "US");
        var orderId = await bed.PlaceAsync(bed.Spec((0, 1, 20.00m)) with { BillingAddress = nowhere, ShippingAddress = nowhere });

        var job = await bed.SyncOrderAsync(orderId);

        Assert.Equal((JobState.NeedsAttention, "Configuration"), (job.State, job.ErrorKind));
        Assert.Equal("Odoo has no state 'ZZ' in country 'US'; add it under Contacts → Configuration → States.", job.LastError);
        Assert.Equal($"stores/{bed.StoreId}/settings", job.FixPath);
        Assert.Equal(0, await bed.Odoo.SaleOrderCountAsync(bed.Origin(orderId)));
    }
}
