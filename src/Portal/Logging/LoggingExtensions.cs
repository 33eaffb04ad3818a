using Serilog;

namespace Portal.Logging;

public static class LoggingExtensions
{
    /// <summary>Serilog from the "Serilog" configuration section: console and a rolling file by default, secrets masked.</summary>
    public static WebApplicationBuilder AddPortalLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .Destructure.With<SecretMaskingPolicy>());
        return builder;
    }
}
