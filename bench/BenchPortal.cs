using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Hosting;

namespace Portal.Bench;

/// <summary>The real portal on Kestrel at 127.0.0.1 over a fresh SQLite file in <c>directory</c>, as production starts it.</summary>
internal static class BenchPortal
{
    /// <summary>
    /// Starts the portal with quiet logs and the health checks hourly; <paramref name="settings"/> add to or override
    /// its configuration, <paramref name="services"/> adds to its services before it is built.
    /// </summary>
    public static async Task<WebApplication> StartAsync(string directory, IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(PortalStartup).Assembly.GetName().Name,
            ContentRootPath = directory,
            EnvironmentName = "Production",
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Database:DataDirectory"] = directory,
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Health:CheckInterval"] = "01:00:00",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddPortal();
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.UsePortal();
        if (!await app.Services.GetRequiredService<PortalStartup>().PrepareAsync(CancellationToken.None))
        {
            throw new InvalidOperationException("The portal refused to start.");
        }

        await app.StartAsync();
        return app;
    }

    public static Uri Address(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
}
