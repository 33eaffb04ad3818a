using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Tenancy;
using Portal.Sync.Webhooks;

namespace Portal.Sync.Tests.Webhooks;

public class WebhookDeliveryLogTests : IAsyncLifetime
{
    private const string Truncated = """{"id": 820982911946154508, "email": "jon@exam""";
    private static readonly byte[] NotUtf8 = [0x1f, 0x8b, 0x08, 0x00, 0xff, 0xfe, (byte)'{', (byte)'"', (byte)'i', (byte)'d', (byte)'"', 0xc3, 0x28, 0x0a, 0x00, 0x01, 0x02];
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
    private SyncTestHost host = default!;
    private Guid alpha;
    private Guid bravo;
    private Guid alphaShop;
    private Guid alphaSite;
    private Guid bravoShop;

    public async Task InitializeAsync()
    {
        host = await SyncTestHost.StartAsync();
        alpha = await host.AddTenantAsync("Alpha");
        bravo = await host.AddTenantAsync("Bravo");
        alphaShop = await AddStoreAsync(alpha, "Alpha EU", StorePlatform.Shopify);
        alphaSite = await AddStoreAsync(alpha, "Alpha Outlet", StorePlatform.WooCommerce);
        bravoShop = await AddStoreAsync(bravo, "Bravo", StorePlatform.Shopify);

        await ReceiveAsync(alpha, alphaShop, "orders/create", 0, """{"id":820982911946154508,"note":"Café <fragile> & 'quick'","lines":[1,2]}""",
            jobId: Guid.NewGuid(), duplicates: 2);
        await ReceiveAsync(alpha, alphaShop, "orders/updated", 1, Truncated, WebhookDeliveryStatus.Malformed, "The body is not valid JSON: unexpected end.");
        await ReceiveAsync(alpha, alphaShop, "carts/create", 2, "{}", WebhookDeliveryStatus.Unsupported, "The connector does not use the topic 'carts/create'.");
        await ReceiveAsync(alpha, alphaShop, "orders/paid", 2, NotUtf8, WebhookDeliveryStatus.Malformed, "The body is 'application/octet-stream', not application/json.");
        await ReceiveAsync(alpha, alphaSite, "order.created", 3, """{"id":77}""", jobId: Guid.NewGuid());
        await ReceiveAsync(bravo, bravoShop, "orders/create", 4, "[]", WebhookDeliveryStatus.Malformed, "The body is a JSON array without the resource's id.");
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private async Task<Guid> AddStoreAsync(Guid tenant, string name, StorePlatform platform)
    {
        await using var db = Activator.Create(TenantContext.SystemFor(tenant));
        var store = new Store { TenantId = tenant, Name = name, Platform = platform, Address = $"https://{name.Replace(' ', '-')}.example.com" };
        db.Stores.Add(store);
        await db.SaveChangesAsync();
        return store.Id;
    }

    private Task ReceiveAsync(Guid tenant, Guid store, string topic, int minute, string body,
        WebhookDeliveryStatus status = WebhookDeliveryStatus.Accepted, string? problem = null, Guid? jobId = null, int duplicates = 0) =>
        ReceiveAsync(tenant, store, topic, minute, Encoding.UTF8.GetBytes(body), status, problem, jobId, duplicates);

    private async Task ReceiveAsync(Guid tenant, Guid store, string topic, int minute, byte[] body,
        WebhookDeliveryStatus status = WebhookDeliveryStatus.Accepted, string? problem = null, Guid? jobId = null, int duplicates = 0)
    {
        await using var db = Activator.Create(TenantContext.SystemFor(tenant));
        db.WebhookDeliveries.Add(new WebhookDelivery
        {
            TenantId = tenant,
            StoreId = store,
            Topic = topic,
            DeliveryKey = $"event-{topic}-{minute}",
            ReceivedAt = Start.AddMinutes(minute),
            Body = body,
            ContentType = "application/json",
            Headers = $$"""{"X-Shopify-Topic":"{{topic}}","X-Shopify-Event-Id":"event-{{minute}}"}""",
            Status = status,
            Problem = problem,
            JobId = jobId,
            DuplicatesSkipped = duplicates,
        });
        await db.SaveChangesAsync();
    }

    private PortalDbContextActivator Activator => host.Services.GetRequiredService<PortalDbContextActivator>();

    private static WebhookDeliveryLog LogOf(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<WebhookDeliveryLog>();

    private async Task<WebhookDeliveryDetail> DetailOfAsync(string topic)
    {
        await using var scope = host.ScopeFor(alpha, TenantRole.Viewer);
        var log = LogOf(scope);
        var row = (await log.ListAsync(new WebhookDeliveryQuery(Text: topic))).Items.Single(d => d.Topic == topic);
        var detail = await log.DetailAsync(row.Id);
        Assert.NotNull(detail);
        return detail;
    }

    [Fact]
    public async Task The_list_is_newest_first_and_pages_keep_one_order_for_deliveries_received_together()
    {
        await using var scope = host.ScopeFor(alpha, TenantRole.Viewer);
        var log = LogOf(scope);

        var (all, total) = await log.ListAsync(new WebhookDeliveryQuery());
        var paged = new List<WebhookDeliveryRow>();
        for (var page = 0; page < total; page++)
        {
            paged.AddRange((await log.ListAsync(new WebhookDeliveryQuery(Page: page, PageSize: 1))).Items);
        }

        Assert.Equal(5, total);
        Assert.Equal("order.created", all[0].Topic);
        Assert.Equal(["carts/create", "orders/paid"], all.Skip(1).Take(2).Select(d => d.Topic).Order());
        Assert.Equal(["orders/updated", "orders/create"], all.Skip(3).Select(d => d.Topic));
        Assert.Equal(all.Select(d => d.Id), paged.Select(d => d.Id));
        Assert.Equal(("Alpha Outlet", StorePlatform.WooCommerce), (all[0].StoreName, all[0].Platform));
    }

    [Fact]
    public async Task The_list_filters_by_status_store_text_and_time()
    {
        await using var scope = host.ScopeFor(alpha, TenantRole.Viewer);
        var log = LogOf(scope);

        async Task<IEnumerable<string>> TopicsAsync(WebhookDeliveryQuery query) => (await log.ListAsync(query)).Items.Select(d => d.Topic).Order();

        Assert.Equal(["orders/paid", "orders/updated"], await TopicsAsync(new WebhookDeliveryQuery(Status: WebhookDeliveryStatus.Malformed)));
        Assert.Equal(["carts/create"], await TopicsAsync(new WebhookDeliveryQuery(Status: WebhookDeliveryStatus.Unsupported)));
        Assert.Equal(["order.created"], await TopicsAsync(new WebhookDeliveryQuery(StoreId: alphaSite)));
        Assert.Equal(["orders/paid", "orders/updated"], await TopicsAsync(new WebhookDeliveryQuery(StoreId: alphaShop, Text: "orders/", Status: WebhookDeliveryStatus.Malformed)));
        Assert.Equal(["orders/updated"], await TopicsAsync(new WebhookDeliveryQuery(Text: "not valid JSON")));
        Assert.Equal(["carts/create", "orders/paid", "orders/updated"],
            await TopicsAsync(new WebhookDeliveryQuery(ReceivedFrom: Start.AddMinutes(1), ReceivedBefore: Start.AddMinutes(3))));
        Assert.Equal(2, (await log.ListAsync(new WebhookDeliveryQuery(Status: WebhookDeliveryStatus.Malformed, PageSize: 1))).Total);
    }

    [Fact]
    public async Task Another_tenants_deliveries_are_invisible()
    {
        await using var bravoScope = host.ScopeFor(bravo, TenantRole.Owner);
        var bravoDelivery = Assert.Single((await LogOf(bravoScope).ListAsync(new WebhookDeliveryQuery())).Items);
        await using var scope = host.ScopeFor(alpha, TenantRole.Owner);
        var log = LogOf(scope);

        Assert.Equal(("Bravo", "The body is a JSON array without the resource's id."), (bravoDelivery.StoreName, bravoDelivery.Problem));
        Assert.DoesNotContain((await log.ListAsync(new WebhookDeliveryQuery(PageSize: 100))).Items, d => d.Id == bravoDelivery.Id);
        Assert.Empty((await log.ListAsync(new WebhookDeliveryQuery(StoreId: bravoShop))).Items);
        Assert.Null(await log.DetailAsync(bravoDelivery.Id));
    }

    [Fact]
    public async Task Only_a_member_of_the_tenant_reads()
    {
        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().EnterAsUser("user-outsider", "outsider@example.com");

        await Assert.ThrowsAsync<TenantAccessDeniedException>(() => LogOf(scope).ListAsync(new WebhookDeliveryQuery()));
    }

    [Fact]
    public async Task A_json_body_is_indented_as_it_reads_with_its_headers_and_job()
    {
        var detail = await DetailOfAsync("orders/create");

        Assert.Equal((WebhookBodyForm.Json, 2), (detail.Body.Form, detail.Delivery.DuplicatesSkipped));
        Assert.Equal(
            """
            {
              "id": 820982911946154508,
              "note": "Café <fragile> & 'quick'",
              "lines": [
                1,
                2
              ]
            }
            """.ReplaceLineEndings("\n"),
            detail.Body.Text.ReplaceLineEndings("\n"));
        Assert.Equal([KeyValuePair.Create("X-Shopify-Topic", "orders/create"), KeyValuePair.Create("X-Shopify-Event-Id", "event-0")], detail.Headers);
        Assert.Equal(("event-orders/create-0", "application/json"), (detail.DeliveryKey, detail.ContentType));
        Assert.NotNull(detail.Delivery.JobId);
    }

    [Fact]
    public async Task Truncated_json_is_shown_exactly_as_received()
    {
        var detail = await DetailOfAsync("orders/updated");

        Assert.Equal((WebhookBodyForm.Text, Truncated, Encoding.UTF8.GetByteCount(Truncated)), (detail.Body.Form, detail.Body.Text, detail.Body.Size));
        Assert.Equal(WebhookDeliveryStatus.Malformed, detail.Delivery.Status);
        Assert.Null(detail.Delivery.JobId);
    }

    [Fact]
    public async Task Bytes_that_are_not_utf8_are_shown_in_hex_with_their_size()
    {
        var detail = await DetailOfAsync("orders/paid");

        Assert.Equal((WebhookBodyForm.Binary, NotUtf8.Length), (detail.Body.Form, detail.Body.Size));
        Assert.Equal(
            "00000000  1f 8b 08 00 ff fe 7b 22  69 64 22 c3 28 0a 00 01  |......{\"id\".(...|\n" +
            "00000010  02                                                |.|\n",
            detail.Body.Text);
    }

    [Fact]
    public void A_long_binary_body_is_previewed_and_anything_else_reads_without_failing()
    {
        var large = Enumerable.Repeat((byte)0xff, 10_000).ToArray();
        var loneSurrogate = Encoding.UTF8.GetBytes("""{"name":"\ud800"}""");

        var preview = WebhookBodyText.Of(large);

        Assert.Equal((10_000, WebhookBodyText.BinaryPreviewBytes / 16), (preview.Size, preview.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length));
        Assert.Equal((WebhookBodyForm.Text, ""), (WebhookBodyText.Of([]).Form, WebhookBodyText.Of([]).Text));
        Assert.Equal((WebhookBodyForm.Text, """{"name":"\ud800"}"""), (WebhookBodyText.Of(loneSurrogate).Form, WebhookBodyText.Of(loneSurrogate).Text));
    }
}
