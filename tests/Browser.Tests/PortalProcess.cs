using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Portal.Browser.Tests;

/// <summary>
/// The real portal, started as `dotnet Portal.dll` on 127.0.0.1 with a fresh SQLite folder, as a merchant
/// runs it. Its output is kept for the failure message.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly string dataDirectory;

    private PortalProcess(Process process, string dataDirectory, Uri baseAddress)
    {
        this.process = process;
        this.dataDirectory = dataDirectory;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static async Task<PortalProcess> StartAsync(IDictionary<string, string>? environment = null)
    {
        var root = RepositoryPaths.Root;
        // Built by the same `dotnet test` run, in the same configuration as these tests (bin/<configuration>/net10.0).
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var portal = Path.Combine(root, "src", "Portal", "bin", configuration, "net10.0", "Portal.dll");
        var dataDirectory = Directory.CreateTempSubdirectory("portal-browser-tests-").FullName;
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");

        var start = new ProcessStartInfo("dotnet", [portal, "--urls", baseAddress.ToString()])
        {
            WorkingDirectory = Path.Combine(root, "src", "Portal"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["Database__DataDirectory"] = dataDirectory;

        // Where the fake stores send the webhooks the portal registers with them.
        start.Environment["Stores__PublicBaseUrl"] = baseAddress.ToString();
        start.Environment["Serilog__WriteTo__1__Args__path"] = Path.Combine(dataDirectory, "logs", "portal-.log");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var portalProcess = new PortalProcess(Process.Start(start)!, dataDirectory, baseAddress);
        portalProcess.process.OutputDataReceived += portalProcess.Collect;
        portalProcess.process.ErrorDataReceived += portalProcess.Collect;
        portalProcess.process.BeginOutputReadLine();
        portalProcess.process.BeginErrorReadLine();
        await portalProcess.WaitUntilReadyAsync();
        return portalProcess;
    }

    /// <summary>A portal whose first owner and tenant were created from Bootstrap settings, as on a headless install.</summary>
    public static Task<PortalProcess> StartWithOwnerAsync(string email, string password, string tenantName, IDictionary<string, string>? settings = null) =>
        StartAsync(new Dictionary<string, string>(settings ?? new Dictionary<string, string>())
        {
            ["Bootstrap__AdminEmail"] = email,
            ["Bootstrap__AdminPassword"] = password,
            ["Bootstrap__TenantName"] = tenantName,
        });

    private void Collect(object sender, DataReceivedEventArgs e)
    {
        lock (output)
        {
            output.AppendLine(e.Data);
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress };
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            if (process.HasExited)
            {
                await process.WaitForExitAsync();
                throw new InvalidOperationException($"The portal exited with {process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative), deadline.Token);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The portal was not ready within 60 s:\n{Output}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        Directory.Delete(dataDirectory, recursive: true);
    }
}
