using System.Net.Http.Headers;
using System.Text;

namespace Portal.Sync.WooCommerce;

/// <summary>
/// Puts the API key on each attempt of a request. It sits inside the retry handler, so a retried OAuth request gets a
/// fresh timestamp and nonce: WooCommerce refuses a nonce it has seen in the last 15 minutes.
/// </summary>
internal sealed class WooCommerceKeyHandler(TimeProvider time) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(WooCommerceHttp.Key, out var key))
        {
            var credentials = key.Credentials;
            switch (key.Placement)
            {
                case WooCommerceKeyPlacement.BasicHeader:
                    request.RequestUri = key.Address;
                    request.Headers.Authorization = new AuthenticationHeaderValue(
                        "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.ConsumerKey}:{credentials.ConsumerSecret}")));
                    break;
                case WooCommerceKeyPlacement.QueryString:
                    request.RequestUri = WooCommerceQuery.Append(key.Address,
                        [KeyValuePair.Create("consumer_key", credentials.ConsumerKey), KeyValuePair.Create("consumer_secret", credentials.ConsumerSecret)]);
                    break;
                case WooCommerceKeyPlacement.OAuth1Signature:
                    request.RequestUri = WooCommerceOAuth1.Sign(request.Method, key.Address, credentials, time.GetUtcNow());
                    break;
            }
        }

        return base.SendAsync(request, cancellationToken);
    }
}
