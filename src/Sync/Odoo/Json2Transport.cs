using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Portal.Sync.Odoo;

/// <summary>POST /json/2/&lt;model&gt;/&lt;method&gt; with a bearer API key, Odoo 19 and later. Errors use HTTP status codes.</summary>
internal sealed class Json2Transport(HttpClient http, OdooEndpoint endpoint) : IOdooTransport
{
    public async Task<JsonNode?> ExecuteAsync(OdooCall call, JsonObject context, CancellationToken cancellationToken)
    {
        var body = (JsonObject)call.Arguments.DeepClone();
        if (call.Ids is { } ids)
        {
            body["ids"] = new JsonArray(ids.Select(id => JsonValue.Create(id)).ToArray<JsonNode?>());
        }

        body["context"] = context.DeepClone();
        var url = new Uri(endpoint.Url, $"/json/2/{call.Model}/{call.Method}");
        var (status, answer) = await OdooHttp.PostAsync(http, url, body, call, request =>
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("bearer", endpoint.Secret);
            request.Headers.Add("X-Odoo-Database", endpoint.Database);
        }, cancellationToken, DescribeNonJson);

        if (status == HttpStatusCode.OK)
        {
            return answer;
        }

        throw OdooErrorClassifier.FromOdoo(
            answer?["name"]?.GetValue<string>(),
            answer?["message"]?.GetValue<string>(),
            answer?["debug"]?.GetValue<string>(),
            status,
            call.Model,
            call.Method);
    }

    // Odoo 19 answers a database it does not serve with an HTML 404 page ("No database is selected"), as it
    // answers /json/2 on a server that has no JSON-2 at all.
    private OdooException? DescribeNonJson(HttpStatusCode status) => status == HttpStatusCode.NotFound
        ? new OdooException(OdooErrorKind.Authentication,
            $"Odoo has no such database ('{endpoint.Database}'), or no JSON-2 API (Odoo 19 and later). Check the database name, or choose JSON-RPC as the protocol.",
            "werkzeug.exceptions.NotFound")
        : null;
}
