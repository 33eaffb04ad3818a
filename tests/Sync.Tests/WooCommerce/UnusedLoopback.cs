using System.Net;
using System.Net.Sockets;

namespace Portal.Sync.Tests.WooCommerce;

/// <summary>An address on 127.0.0.1 where nothing listens: connections to it are refused at once.</summary>
internal static class UnusedLoopback
{
    public static Uri Address(string path = "")
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}{path}");
    }
}
