using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Data.Entities;
using Portal.Sync.Jobs;
using Portal.Sync.Stores;
using Portal.Sync.Webhooks;

namespace Portal.Tests.Webhooks;

public class WebhookEndpointTests(WebhookFixture fixture) : IClassFixture<WebhookFixture>
{
    private static HttpRequestMessage Post(string path, byte[] body, string contentType = "application/json", params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }

    private HttpRequestMessage Shopify(byte[] body, string topic, string eventId, string? signature = null, string prefix = "X-Shopify-") =>
        Post($"/webhooks/shopify/{fixture.ShopifyStore}", body, "application/json",
            ($"{prefix}Hmac-Sha256", signature ?? WebhookSignature.Sign(body, WebhookFixture.Utf8(WebhookFixture.ShopifySecret))),
            ($"{prefix}Topic", topic),
            ($"{prefix}Event-Id", eventId),
            ($"{prefix}Shop-Domain", "alpha.myshopify.com"));

    private async Task<(HttpStatusCode Status, string Outcome, string Message)> SendAsync(HttpRequestMessage request)
    {
        using var client = fixture.NewClient();
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var json = JsonDocument.Parse(body).RootElement;
        return (response.StatusCode, json.GetProperty("outcome").GetString()!, json.GetProperty("message").GetString()!);
    }

    private async Task<WebhookDelivery?> DeliveryAsync(string deliveryKey)
    {
        await using var db = fixture.Database();
        return await db.WebhookDeliveries.SingleOrDefaultAsync(d => d.DeliveryKey == deliveryKey);
    }

    [Fact]
    public async Task Shopifys_published_vector_is_accepted_and_kept_even_though_it_names_no_resource()
    {
        var body = WebhookFixture.Utf8("""{"foo": "bar"}""");

        var answer = await SendAsync(Shopify(body, "orders/create", "vector-1", signature: "B23tXN681gZ0qIWNRrgtzBE9XSDo5yaUu6wfmhu3a7g="));

        Assert.Equal((HttpStatusCode.OK, "malformed"), (answer.Status, answer.Outcome));
        var kept = await DeliveryAsync("vector-1");
        Assert.NotNull(kept);
        Assert.Equal(body, kept.Body);
        Assert.Equal((WebhookDeliveryStatus.Malformed, "The body is a JSON object without the resource's id."), (kept.Status, kept.Problem));
        Assert.Null(kept.JobId);
    }

    [Fact]
    public async Task An_order_is_kept_byte_for_byte_and_queued_once_with_the_newer_header_spelling()
    {
        var body = WebhookFixture.Utf8("""{"id":820982911946154508,"name":"#1001","total_price":"199.65"}""");

        var answer = await SendAsync(Shopify(body, "orders/create", "evt-order-1001", prefix: "shopify-"));

        Assert.Equal((HttpStatusCode.OK, "accepted"), (answer.Status, answer.Outcome));
        var kept = await DeliveryAsync("evt-order-1001");
        Assert.NotNull(kept);
        Assert.Equal(body, kept.Body);
        Assert.Equal(WebhookDeliveryStatus.Accepted, kept.Status);
        Assert.Equal("alpha.myshopify.com", JsonDocument.Parse(kept.Headers).RootElement.GetProperty("Shopify-Shop-Domain").GetString());
        await using var db = fixture.Database();
        var job = await db.Jobs.SingleAsync(j => j.Id == kept.JobId);
        Assert.Equal(("orders.sync", "Order #1001", $"order:{fixture.ShopifyStore}:820982911946154508", fixture.ShopifyStore),
            (job.Flow, job.Subject, job.SubjectKey, job.StoreId!.Value));
        var payload = JsonDocument.Parse(job.Payload).RootElement;
        Assert.Equal((kept.Id.ToString(), "820982911946154508"), (payload.GetProperty("deliveryId").GetString(), payload.GetProperty("resourceId").GetString()));
    }

    [Fact]
    public async Task The_same_event_twice_is_kept_and_queued_once_and_counted()
    {
        var body = WebhookFixture.Utf8("""{"id":450789469,"name":"#1002"}""");

        var first = await SendAsync(Shopify(body, "orders/updated", "evt-twice"));
        var second = await SendAsync(Shopify(body, "orders/updated", "evt-twice"));

        Assert.Equal(("accepted", "duplicate"), (first.Outcome, second.Outcome));
        Assert.Equal(HttpStatusCode.OK, second.Status);
        await using var db = fixture.Database();
        var kept = await db.WebhookDeliveries.SingleAsync(d => d.DeliveryKey == "evt-twice");
        Assert.Equal(1, kept.DuplicatesSkipped);
        Assert.Equal(1, await db.Jobs.CountAsync(j => j.SubjectKey == $"order:{fixture.ShopifyStore}:450789469"));
    }

    [Fact]
    public async Task Two_topics_showing_one_order_version_queue_one_job_with_a_later_poll_and_a_newer_version_queues_another()
    {
        var version = WebhookFixture.Utf8("""{"id":450789470,"name":"#1003","updated_at":"2026-11-24T10:00:00-05:00"}""");
        var newer = WebhookFixture.Utf8("""{"id":450789470,"name":"#1003","updated_at":"2026-11-24T10:05:00-05:00"}""");

        var created = await SendAsync(Shopify(version, "orders/create", "evt-1003-create"));
        var paid = await SendAsync(Shopify(version, "orders/paid", "evt-1003-paid"));
        var updated = await SendAsync(Shopify(newer, "orders/updated", "evt-1003-updated"));

        Assert.Equal(["accepted", "accepted", "accepted"], new[] { created.Outcome, paid.Outcome, updated.Outcome });
        var (first, second, third) = ((await DeliveryAsync("evt-1003-create"))!, (await DeliveryAsync("evt-1003-paid"))!, (await DeliveryAsync("evt-1003-updated"))!);
        Assert.Equal(first.JobId, second.JobId);
        Assert.NotEqual(first.JobId, third.JobId);
        var orderVersion = StoreEventKeys.OrderChange(fixture.ShopifyStore, "450789470", new DateTimeOffset(2026, 11, 24, 15, 0, 0, TimeSpan.Zero));
        var poll = await fixture.Host.Services.GetRequiredService<JobStore>().EnqueueAsync(fixture.TenantId,
            new JobRequest("orders.sync", "Order #1003", $"order:{fixture.ShopifyStore}:450789470", orderVersion, StoreId: fixture.ShopifyStore));
        Assert.Equal((first.JobId!.Value, EnqueueOutcome.Collapsed), (poll.JobId, poll.Outcome));
        await using var db = fixture.Database();
        var job = await db.Jobs.SingleAsync(j => j.Id == first.JobId);
        Assert.Equal((orderVersion, 2), (job.IdentityKey, job.DuplicatesSkipped));
    }

    [Fact]
    public async Task A_refund_delivered_under_two_event_ids_is_queued_once()
    {
        var refund = WebhookFixture.Utf8("""{"id":929361466,"order_id":450789471,"created_at":"2026-11-24T10:00:00-05:00"}""");

        await SendAsync(Shopify(refund, "refunds/create", "evt-refund-a"));
        await SendAsync(Shopify(refund, "refunds/create", "evt-refund-b"));

        var (first, second) = ((await DeliveryAsync("evt-refund-a"))!, (await DeliveryAsync("evt-refund-b"))!);
        Assert.Equal(first.JobId, second.JobId);
        await using var db = fixture.Database();
        Assert.Equal(StoreEventKeys.Refund(fixture.ShopifyStore, "929361466"), (await db.Jobs.SingleAsync(j => j.Id == first.JobId)).IdentityKey);
    }

    [Theory]
    [InlineData("3X6clrsy+C8mmzR/MeTh6b/EcLr46WLZaU+24GrPXOM=", "The signature does not match.")]
    [InlineData("", "The signature header is missing.")]
    public async Task A_forged_or_unsigned_webhook_gets_401_and_nothing_is_kept(string signature, string message)
    {
        var body = WebhookFixture.Utf8("""{"id":1,"name":"#forged"}""");
        var request = signature.Length == 0
            ? Post($"/webhooks/shopify/{fixture.ShopifyStore}", body, "application/json", ("X-Shopify-Topic", "orders/create"), ("X-Shopify-Event-Id", "evt-forged-" + message.Length))
            : Shopify(body, "orders/create", "evt-forged-" + message.Length, signature);

        var answer = await SendAsync(request);

        Assert.Equal((HttpStatusCode.Unauthorized, "bad_signature", message), answer);
        Assert.Null(await DeliveryAsync("evt-forged-" + message.Length));
    }

    [Fact]
    public async Task A_body_over_the_cap_gets_413_whether_or_not_it_says_its_length()
    {
        var body = new byte[WebhookFixture.MaxBodyBytes + 1];
        var chunked = Shopify(body, "orders/create", "evt-huge-chunked");
        chunked.Content = new StreamContent(new MemoryStream(body));
        chunked.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        chunked.Headers.TransferEncodingChunked = true;

        var declared = await SendAsync(Shopify(body, "orders/create", "evt-huge"));
        var streamed = await SendAsync(chunked);

        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "too_large"), (declared.Status, declared.Outcome));
        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "too_large"), (streamed.Status, streamed.Outcome));
        Assert.Null(await DeliveryAsync("evt-huge"));
    }

    [Fact]
    public async Task Unknown_disabled_removed_or_other_platform_stores_get_404()
    {
        var body = WebhookFixture.Utf8("""{"id":1}""");
        var signature = WebhookSignature.Sign(body, WebhookFixture.Utf8(WebhookFixture.ShopifySecret));
        (string, string)[] headers = [("X-Shopify-Hmac-Sha256", signature), ("X-Shopify-Topic", "orders/create")];

        var unknown = await SendAsync(Post($"/webhooks/shopify/{Guid.NewGuid()}", body, "application/json", headers));
        var disabled = await SendAsync(Post($"/webhooks/shopify/{fixture.DisabledStore}", body, "application/json", headers));
        var removed = await SendAsync(Post($"/webhooks/shopify/{fixture.RemovedStore}", body, "application/json", headers));
        var otherPlatform = await SendAsync(Post($"/webhooks/woocommerce/{fixture.ShopifyStore}", body, "application/json", headers));

        Assert.All(new[] { unknown, disabled, removed, otherPlatform }, a => Assert.Equal((HttpStatusCode.NotFound, "unknown_store"), (a.Status, a.Outcome)));
    }

    [Fact]
    public async Task Truncated_json_wrong_content_type_and_unknown_topics_are_kept_and_say_why()
    {
        var truncated = WebhookFixture.Utf8("""{"id":1003,"name":"#10""");
        var text = WebhookFixture.Utf8("""{"id":1004}""");
        var customers = WebhookFixture.Utf8("""{"id":1005,"email":"bob@example.com"}""");
        var textRequest = Post($"/webhooks/shopify/{fixture.ShopifyStore}", text, "text/plain",
            ("X-Shopify-Hmac-Sha256", WebhookSignature.Sign(text, WebhookFixture.Utf8(WebhookFixture.ShopifySecret))), ("X-Shopify-Topic", "orders/create"), ("X-Shopify-Event-Id", "evt-text"));

        var answers = new[]
        {
            await SendAsync(Shopify(truncated, "orders/create", "evt-truncated")),
            await SendAsync(textRequest),
            await SendAsync(Shopify(customers, "customers/create", "evt-customer")),
        };

        Assert.Equal(["malformed", "malformed", "unsupported"], answers.Select(a => a.Outcome));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.StartsWith("The body is not valid JSON", (await DeliveryAsync("evt-truncated"))!.Problem, StringComparison.Ordinal);
        Assert.Equal("The body is 'text/plain', not application/json.", (await DeliveryAsync("evt-text"))!.Problem);
        Assert.Equal("The connector does not use the topic 'customers/create'.", (await DeliveryAsync("evt-customer"))!.Problem);
    }

    [Fact]
    public async Task WooCommerces_creation_ping_gets_200_and_keeps_nothing()
    {
        var answer = await SendAsync(Post($"/webhooks/woocommerce/{fixture.WooCommerceStore}", WebhookFixture.Utf8("webhook_id=31"), "application/x-www-form-urlencoded"));

        Assert.Equal((HttpStatusCode.OK, "ping"), (answer.Status, answer.Outcome));
    }

    [Fact]
    public async Task A_signed_woocommerce_order_is_kept_and_queued_by_its_delivery_id()
    {
        var body = WebhookFixture.Utf8("""{"id":727,"number":"727","status":"processing"}""");
        var signature = WebhookSignature.Sign(body, WebhookFixture.Utf8(WebhookFixture.WooCommerceSecret));

        var answer = await SendAsync(Post($"/webhooks/woocommerce/{fixture.WooCommerceStore}", body, "application/json",
            ("x-wc-webhook-signature", signature), ("X-WC-Webhook-Topic", "order.updated"), ("X-WC-Webhook-Delivery-ID", "d41d8cd9"), ("X-WC-Webhook-Source", "https://shop.alpha.test/")));
        var forged = await SendAsync(Post($"/webhooks/woocommerce/{fixture.WooCommerceStore}", body, "application/json",
            ("X-WC-Webhook-Signature", WebhookSignature.Sign(body, WebhookFixture.Utf8("not-the-secret"))), ("X-WC-Webhook-Topic", "order.updated"), ("X-WC-Webhook-Delivery-ID", "e41d8cd9")));

        Assert.Equal("accepted", answer.Outcome);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.Status);
        var kept = await DeliveryAsync("d41d8cd9");
        await using var db = fixture.Database();
        var job = await db.Jobs.SingleAsync(j => j.Id == kept!.JobId);
        Assert.Equal(("orders.sync", "Order #727"), (job.Flow, job.Subject));
        Assert.Equal("https://shop.alpha.test/", JsonDocument.Parse(kept!.Headers).RootElement.GetProperty("X-WC-Webhook-Source").GetString());
    }
}
