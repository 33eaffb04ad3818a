using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Portal.Sync.Odoo;

public static class OdooServiceCollectionExtensions
{
    public static IServiceCollection AddOdooGateway(this IServiceCollection services)
    {
        services.AddOptions<OdooClientOptions>().BindConfiguration(OdooClientOptions.SectionName);
        services.AddSingleton<OdooClientFactory>();
        services.AddHttpClient(OdooHttp.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("odoo", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<OdooClientOptions>>().Value;
                pipeline.AddTimeout(options.TotalTimeout);
                if (options.MaxRetries > 0)
                {
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = options.MaxRetries,
                        Delay = options.RetryDelay,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        ShouldHandle = args => ValueTask.FromResult(IsIdempotent(args.Context) && IsTransient(args.Outcome)),
                    });
                }

                pipeline.AddTimeout(options.AttemptTimeout);
            });
        return services;
    }

    // Only calls that change nothing are sent again; a create whose answer was lost goes through CreateOnceAsync instead.
    private static bool IsIdempotent(ResilienceContext context) =>
        context.GetRequestMessage() is { } request && request.Options.TryGetValue(OdooHttp.Idempotent, out var idempotent) && idempotent;

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or Polly.Timeout.TimeoutRejectedException } => true,
        { Result.StatusCode: HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout or HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests } => true,
        _ => false,
    };
}
