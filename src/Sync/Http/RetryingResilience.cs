using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Portal.Sync.Http;

/// <summary>The resilience every outbound client shares: a total and a per-attempt timeout, and retries of idempotent requests only.</summary>
internal static class RetryingResilience
{
    /// <param name="idempotent">The request option a client sets on requests that may be sent again; others are sent once.</param>
    public static IHttpClientBuilder AddRetryingResilience<TSettings>(this IHttpClientBuilder builder, string name, HttpRequestOptionsKey<bool> idempotent)
        where TSettings : class, IRetrySettings
    {
        builder.AddResilienceHandler(name, (pipeline, context) =>
        {
            var settings = context.ServiceProvider.GetRequiredService<IOptions<TSettings>>().Value;
            pipeline.AddTimeout(settings.TotalTimeout);
            if (settings.MaxRetries > 0)
            {
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = settings.MaxRetries,
                    Delay = settings.RetryDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    ShouldHandle = args => ValueTask.FromResult(IsIdempotent(args.Context, idempotent) && IsTransient(args.Outcome)),
                });
            }

            pipeline.AddTimeout(settings.AttemptTimeout);
        });
        return builder;
    }

    private static bool IsIdempotent(ResilienceContext context, HttpRequestOptionsKey<bool> idempotent) =>
        context.GetRequestMessage() is { } request && request.Options.TryGetValue(idempotent, out var value) && value;

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or Polly.Timeout.TimeoutRejectedException } => true,
        { Result.StatusCode: HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout or HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests } => true,
        _ => false,
    };
}
