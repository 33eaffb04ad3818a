using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.Sync.Stores;

namespace Portal.Sync.Shopify;

/// <summary>
/// One shop's Admin GraphQL API at the pinned version: POST /admin/api/{version}/graphql.json with the
/// X-Shopify-Access-Token header. Every request first waits for room in the shop's cost bucket, and a THROTTLED
/// or 429 answer is waited out and sent again (Shopify ran none of it), a bounded number of times. Other failures
/// are not resent here: a mutation whose answer was lost may have run, and the job's retry decides.
/// </summary>
public sealed class ShopifyGraphQlClient
{
    public const string HttpClientName = "shopify";

    private readonly HttpClient http;
    private readonly string accessToken;
    private readonly ShopifyThrottles throttles;
    private readonly ShopifyThrottle throttle;
    private readonly ShopifyOptions options;
    private readonly TimeProvider time;

    internal ShopifyGraphQlClient(HttpClient http, ShopifyShop shop, string accessToken, ShopifyThrottles throttles, ShopifyOptions options, TimeProvider time)
    {
        this.http = http;
        this.accessToken = accessToken;
        this.throttles = throttles;
        this.options = options;
        this.time = time;
        Shop = shop;
        throttle = throttles.For(shop);
    }

    public ShopifyShop Shop { get; }

    /// <summary>The shop's bucket as last reported, refilled to now; null before the first answer.</summary>
    public ShopifyThrottleStatus? Throttle => throttle.Estimate;

    /// <summary>Runs a query; returns its <c>data</c>.</summary>
    public Task<JsonObject> QueryAsync(ShopifyOperation operation, JsonObject variables, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return operation.IsMutation
            ? throw new ArgumentException($"{operation.Name} is a mutation: send it with {nameof(MutateAsync)}.", nameof(operation))
            : SendAsync(operation, variables, cancellationToken);
    }

    /// <summary>Runs a mutation; returns its payload (the root field's value) once it has no <c>userErrors</c>.</summary>
    public async Task<JsonObject> MutateAsync(ShopifyMutation mutation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        var data = await SendAsync(mutation.Operation, mutation.Variables, cancellationToken);
        if (data.Count != 1 || data.First().Value is not JsonObject payload)
        {
            throw ShopifyErrors.NotUnderstood(Shop, mutation.Operation.Name, "no payload");
        }

        return payload["userErrors"] is JsonArray { Count: > 0 } userErrors
            ? throw ShopifyErrors.FromUserErrors(userErrors, Shop, mutation.Operation.Name)
            : payload;
    }

    private async Task<JsonObject> SendAsync(ShopifyOperation operation, JsonObject variables, CancellationToken cancellationToken)
    {
        var shape = RequestShape(operation, variables);
        var body = new JsonObject
        {
            ["query"] = operation.Document,
            ["operationName"] = operation.Name,
            ["variables"] = variables.DeepClone(),
        }.ToJsonString();

        for (var attempt = 1; ; attempt++)
        {
            ShopifyAnswer answer;
            using (var lease = await throttle.AcquireAsync(() => throttles.ExpectedCost(shape), cancellationToken))
            {
                answer = await PostAsync(operation.Name, body, cancellationToken);
                if (answer.Cost is { } cost)
                {
                    lease.Report(cost.Status);
                    throttles.Charged(shape, cost.Requested);
                }
            }

            var retry = attempt <= options.MaxThrottledRetries;
            if (answer.Status == HttpStatusCode.TooManyRequests)
            {
                if (!retry)
                {
                    throw ShopifyErrors.FromStatus(answer.Status, null, Shop, operation.Name);
                }

                await Task.Delay(answer.RetryAfter ?? TimeSpan.FromSeconds(1), time, cancellationToken);
                continue;
            }

            if (answer.Errors is { } errors && ShopifyErrors.IsThrottled(errors))
            {
                // The answer's cost tells the throttle how long the next attempt must wait.
                if (!retry)
                {
                    throw ShopifyErrors.Throttling(Shop, operation.Name, attempt);
                }

                continue;
            }

            if (answer.Errors is { Count: > 0 } failures)
            {
                throw ShopifyErrors.FromGraphQl(failures, Shop, operation.Name);
            }

            return answer.Data ?? throw ShopifyErrors.NotUnderstood(Shop, operation.Name, "no data");
        }
    }

    private async Task<ShopifyAnswer> PostAsync(string operation, string body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Shop.GraphQlEndpoint(options.ApiVersion))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Shopify-Access-Token", accessToken);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw ShopifyErrors.FromNetwork(ex, Shop, operation);
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return new ShopifyAnswer(response.StatusCode, RetryAfter(response), null, null, null);
            }

            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw ShopifyErrors.FromStatus(response.StatusCode, text, Shop, operation);
            }

            JsonObject answer;
            try
            {
                answer = JsonNode.Parse(text) as JsonObject ?? throw ShopifyErrors.NotUnderstood(Shop, operation, "not a JSON object");
            }
            catch (JsonException)
            {
                throw ShopifyErrors.NotUnderstood(Shop, operation, $"not JSON ({response.Content.Headers.ContentType?.MediaType ?? "no content type"})");
            }

            return new ShopifyAnswer(response.StatusCode, null, answer["data"] as JsonObject, answer["errors"] as JsonArray, ShopifyQueryCost.From(answer["extensions"]?["cost"]));
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    // Shopify's requested cost grows with the page sizes, so they are part of what a request costs.
    private static string RequestShape(ShopifyOperation operation, JsonObject variables) =>
        string.Join(':', variables
            .Where(variable => variable.Value is JsonValue value && value.TryGetValue<int>(out _))
            .Select(variable => string.Create(CultureInfo.InvariantCulture, $"{variable.Key}={variable.Value}"))
            .Prepend(operation.Name));

    private sealed record ShopifyAnswer(HttpStatusCode Status, TimeSpan? RetryAfter, JsonObject? Data, JsonArray? Errors, ShopifyQueryCost? Cost);
}
