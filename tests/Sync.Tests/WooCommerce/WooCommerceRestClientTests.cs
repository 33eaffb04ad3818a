using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Fakes.WooCommerce;
using Portal.Sync.Stores;
using Portal.Sync.WooCommerce;

namespace Portal.Sync.Tests.WooCommerce;

/// <summary>Pages, batches and the site setups the client works around or explains, against the fake over real HTTP.</summary>
public sealed class WooCommerceRestClientTests : FakeWooCommerceTest
{
    [Fact]
    public async Task A_listing_is_read_page_by_page_until_X_WP_TotalPages()
    {
        foreach (var index in Enumerable.Range(0, 250))
        {
            Fake.Shop.AddWebhook("order.updated", new Uri($"http://127.0.0.1:9/hooks/{index}"), "secret");
        }

        var webhooks = await Clients.For(Fake).WebhooksAsync(CancellationToken.None);

        Assert.Equal(250, webhooks.Select(webhook => webhook.Id).Distinct().Count());
        Assert.Equal(["1", "2", "3"], Fake.Requests.Select(request => request.Query["page"]));
        Assert.All(Fake.Requests, request => Assert.Equal("100", request.Query["per_page"]));
    }

    [Fact]
    public async Task A_batch_of_250_goes_in_three_requests_of_at_most_100_and_returns_every_object()
    {
        var products = Enumerable.Range(0, 250).Select(_ => Fake.Shop.AddProduct()).ToList();
        var doomed = Fake.Shop.AddProduct();
        var batch = new WooCommerceBatch
        {
            Create = [new JsonObject { ["name"] = "Created in a batch" }],
            Update = products.Take(248).Select(id => new JsonObject { ["id"] = id, ["regular_price"] = "12.50" }).ToList(),
            Delete = [doomed],
        };

        var result = await Clients.Rest(Fake).BatchAsync("products", batch, CancellationToken.None);

        Assert.Equal((1, 248, 1), (result.Created.Count, result.Updated.Count, result.Deleted.Count));
        Assert.Empty(result.Failures);
        Assert.Equal(3, Fake.Requests.Count(request => request.Route == "/wc/v3/products/batch" && request.Status == 200));
        Assert.Equal("12.50", Fake.Shop.Product(products[247])!["regular_price"]!.GetValue<string>());
        Assert.Null(Fake.Shop.Product(doomed));
    }

    [Fact]
    public async Task Objects_WooCommerce_refuses_inside_a_successful_batch_are_reported_with_its_code_and_message()
    {
        var product = Fake.Shop.AddProduct();
        var batch = new WooCommerceBatch
        {
            Update = [new JsonObject { ["id"] = product, ["sku"] = "FINE" }, new JsonObject { ["id"] = 999999, ["sku"] = "GONE" }],
            Delete = [999998],
        };

        var result = await Clients.Rest(Fake).BatchAsync("products", batch, CancellationToken.None);

        Assert.Single(result.Updated);
        Assert.Equal(
            [
                new WooCommerceBatchFailure("update", "999999", "woocommerce_rest_product_invalid_id", "Invalid ID."),
                new WooCommerceBatchFailure("delete", "999998", "woocommerce_rest_product_invalid_id", "Invalid ID."),
            ],
            result.Failures);
    }

    [Fact]
    public async Task A_site_that_takes_fewer_objects_per_batch_refuses_with_its_413_verbatim()
    {
        Fake.BatchLimit = 50;
        var batch = new WooCommerceBatch { Update = Enumerable.Range(0, 60).Select(_ => new JsonObject { ["id"] = Fake.Shop.AddProduct() }).ToList() };

        var error = await Assert.ThrowsAsync<StoreApiException>(() => Clients.Rest(Fake).BatchAsync("products", batch, CancellationToken.None));

        Assert.Equal((StoreApiErrorKind.Validation, 413, "woocommerce_rest_request_entity_too_large"), (error.Kind, error.Status, error.Code));
        Assert.Equal("Unable to accept more than 50 items for this request.", error.Message);
    }

    [Fact]
    public async Task An_empty_batch_answers_with_nothing_done()
    {
        var result = await Clients.Rest(Fake).BatchAsync("products", new WooCommerceBatch(), CancellationToken.None);

        Assert.Equal((0, 0, 0, 0), (result.Created.Count, result.Updated.Count, result.Deleted.Count, result.Failures.Count));
        Assert.Empty(Fake.Requests);
    }

    [Fact]
    public async Task With_plain_permalinks_the_client_goes_through_rest_route_and_remembers_it()
    {
        Fake.PlainPermalinks = true;

        await Clients.For(Fake).WebhooksAsync(CancellationToken.None);
        await Clients.For(Fake).WebhooksAsync(CancellationToken.None);

        Assert.Collection(Fake.Requests,
            missing => Assert.Equal((null, 404), (missing.Route, missing.Status)),
            first => Assert.Equal(("/wc/v3/webhooks", 200, "/wc/v3/webhooks"), (first.Route, first.Status, first.Query["rest_route"])),
            second => Assert.Equal(("/wc/v3/webhooks", 200), (second.Route, second.Status)));
        Assert.Equal(WooCommerceSiteQuirk.PlainPermalinks, Clients.Services.GetRequiredService<WooCommerceSiteQuirks>().Of(Fake.Url.AbsoluteUri.TrimEnd('/')));
    }

    [Fact]
    public async Task A_site_answering_neither_wp_json_nor_rest_route_is_a_configuration_error_naming_the_permalink_setting()
    {
        var client = Clients.Factory.Create(WooCommerceTestClients.Connection(new Uri(Fake.Url, "not-wordpress").AbsoluteUri, Fake.ReadWriteKey));

        var error = await Assert.ThrowsAsync<StoreApiException>(() => client.WebhooksAsync(CancellationToken.None));

        Assert.Equal(StoreApiErrorKind.Configuration, error.Kind);
        Assert.Equal(
            "The site has no /wp-json route: WordPress permalinks are set to 'Plain'. Choose any other permalink structure under Settings → Permalinks.",
            error.Message);
    }

    [Fact]
    public async Task A_refused_parameter_is_a_validation_error_with_WordPress_message_verbatim()
    {
        var error = await Assert.ThrowsAsync<StoreApiException>(() =>
            Clients.Rest(Fake).GetAsync("orders", [KeyValuePair.Create("orderby", "price")], CancellationToken.None));

        Assert.Equal((StoreApiErrorKind.Validation, 400, "rest_invalid_param"), (error.Kind, error.Status, error.Code));
        Assert.Equal("Invalid parameter(s): orderby", error.Message);
    }

    [Fact]
    public async Task A_route_WooCommerce_does_not_have_is_a_configuration_error()
    {
        var error = await Assert.ThrowsAsync<StoreApiException>(() => Clients.Rest(Fake).GetAsync("no_such_thing", [], CancellationToken.None));

        Assert.Equal((StoreApiErrorKind.Configuration, "rest_no_route"), (error.Kind, error.Code));
    }

    [Fact]
    public async Task A_site_that_does_not_answer_is_a_transient_failure()
    {
        var silent = UnusedLoopback.Address();
        using var noRetries = new WooCommerceTestClients(settings: new Dictionary<string, string?> { ["WooCommerce:MaxRetries"] = "0" });

        var error = await Assert.ThrowsAsync<StoreApiException>(() =>
            noRetries.Factory.Create(WooCommerceTestClients.Connection(silent.AbsoluteUri, Fake.ReadWriteKey)).WebhooksAsync(CancellationToken.None));

        Assert.Equal(StoreApiErrorKind.Transient, error.Kind);
        Assert.StartsWith($"{silent.AbsoluteUri.TrimEnd('/')} did not answer", error.Message, StringComparison.Ordinal);
    }
}
