using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Portal.Fakes;

namespace Portal.Sync.Tests.WooCommerce;

/// <summary>An HTTP endpoint on 127.0.0.1 that answers 200 to everything and keeps what it received, byte for byte.</summary>
internal sealed class WebhookRecorder : IAsyncDisposable
{
    private readonly ConcurrentQueue<RecordedRequest> received = new();
    private LoopbackServer host = default!;

    public Uri Url => new(host.Url, "webhooks/woocommerce");

    public IReadOnlyList<RecordedRequest> Received => received.ToArray();

    public static async Task<WebhookRecorder> StartAsync()
    {
        var recorder = new WebhookRecorder();
        recorder.host = await LoopbackServer.StartAsync(app => app.Run(recorder.RecordAsync));
        return recorder;
    }

    private async Task RecordAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        received.Enqueue(new RecordedRequest(
            context.Request.Method,
            context.Request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            context.Request.ContentType,
            body.ToArray()));
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();

    internal sealed record RecordedRequest(string Method, IReadOnlyDictionary<string, string> Headers, string? ContentType, byte[] Body);
}
