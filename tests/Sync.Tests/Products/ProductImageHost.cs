using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Portal.Fakes;

namespace Portal.Sync.Tests.Products;

/// <summary>
/// Stands in for the portal's image endpoint at Stores:PublicBaseUrl: serves the images a test put in Odoo by the
/// checksum that ends their address, and counts the downloads. The real endpoint is tested in Portal.Tests.
/// </summary>
internal sealed class ProductImageHost : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, byte[]> images = new();
    private LoopbackServer? server;
    private int downloads;

    public Uri Url => server!.Url;

    public int Downloads => downloads;

    public static async Task<ProductImageHost> StartAsync()
    {
        var host = new ProductImageHost();
        host.server = await LoopbackServer.StartAsync(app => app.MapGet("/media/odoo/{tenantId}/{templateId}/{fileName}", (string fileName) =>
        {
            Interlocked.Increment(ref host.downloads);
            return host.images.TryGetValue(fileName, out var bytes) ? Results.Bytes(bytes, "image/png") : Results.NotFound();
        }));
        return host;
    }

    /// <summary>A one-pixel PNG, distinct per <paramref name="seed"/>; the host will serve it.</summary>
    public byte[] Image(byte seed)
    {
        var bytes = TinyPng.Make(seed);
        images[Convert.ToHexStringLower(SHA256.HashData(bytes)) + ".png"] = bytes;
        return bytes;
    }

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
