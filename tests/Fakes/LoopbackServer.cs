using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Portal.Fakes;

/// <summary>A Kestrel app on 127.0.0.1 at a free port (or a fixed one, for the demo sandbox), without logging: how every fake server and test endpoint listens.</summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private LoopbackServer(WebApplication app, Uri url)
    {
        this.app = app;
        Url = url;
    }

    /// <summary>The base address, e.g. http://127.0.0.1:5123/.</summary>
    public Uri Url { get; }

    /// <param name="map">Adds the app's middleware and endpoints before it starts.</param>
    /// <param name="port">0 for a free port.</param>
    public static async Task<LoopbackServer> StartAsync(Action<WebApplication> map, int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return new LoopbackServer(app, new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
