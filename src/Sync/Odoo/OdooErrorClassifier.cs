using System.Net;
using Portal.Sync.Http;

namespace Portal.Sync.Odoo;

/// <summary>Turns what Odoo (or the network) answered into an <see cref="OdooException"/> of the right kind.</summary>
public static class OdooErrorClassifier
{
    /// <summary>An error Odoo described: the JSON-RPC error's data, or a JSON-2 error body with its status.</summary>
    public static OdooException FromOdoo(string? name, string? message, string? debug, HttpStatusCode? status, string? model, string? method)
    {
        var odooMessage = string.IsNullOrWhiteSpace(message) ? name ?? "Odoo reported an error without a message." : message;
        var operation = model is null ? method : $"{model}.{method}";
        var kind = Classify(name, odooMessage, status);
        var text = kind switch
        {
            OdooErrorKind.Authentication when IsMissingDatabase(odooMessage) =>
                $"Odoo has no such database ({odooMessage}). Check the database name on the Odoo connection.",
            OdooErrorKind.Authentication when name == "werkzeug.exceptions.Unauthorized" =>
                "Odoo refused the API key. JSON-2 (Odoo 19 and later) accepts API keys only, not passwords: create a new API key if this one was revoked or expired, or choose JSON-RPC to sign in with a password.",
            OdooErrorKind.Authentication =>
                "Odoo refused the login or API key. Check the login, and create a new API key if this one was revoked or expired.",
            OdooErrorKind.Permission =>
                $"The Odoo user may not do this ({operation}): {odooMessage}",
            OdooErrorKind.Missing when name is "werkzeug.exceptions.NotFound" or "builtins.AttributeError" || IsMissingModel(odooMessage) =>
                $"Odoo has no {operation}: is the module that provides it installed? ({odooMessage})",
            OdooErrorKind.Transient when status == HttpStatusCode.ServiceUnavailable =>
                "Odoo is unavailable (503), for example during maintenance or an upgrade. The call will be retried.",
            _ => odooMessage,
        };
        return new OdooException(kind, text, name, debug, model, method);
    }

    /// <summary>A response that is not Odoo's JSON at all: a proxy error, an HTML page, another server.</summary>
    public static OdooException FromHttpStatus(HttpStatusCode status, string url, string? model, string? method) => (int)status switch
    {
        502 or 503 or 504 => new OdooException(OdooErrorKind.Transient,
            $"Odoo did not answer (HTTP {(int)status} from {url}); it may be restarting or under maintenance. The call will be retried.", model: model, method: method),
        401 or 403 => new OdooException(OdooErrorKind.Authentication, $"{url} refused the request (HTTP {(int)status}).", model: model, method: method),
        _ => NotOdoo(url, $"HTTP {(int)status}", model, method),
    };

    public static OdooException NotOdoo(string url, string what, string? model = null, string? method = null) =>
        new(OdooErrorKind.Protocol, $"The server at {url} did not answer like Odoo ({what}). Check the Odoo address.", model: model, method: method);

    /// <summary>The call did not reach Odoo or got no answer in time.</summary>
    public static OdooException FromNetwork(Exception exception, string url, string? model, string? method)
    {
        var reason = NetworkFailure.Reason(exception);
        return new OdooException(OdooErrorKind.Transient, $"Cannot reach Odoo at {url}: {reason}. The call will be retried.", model: model, method: method, innerException: exception);
    }

    private static OdooErrorKind Classify(string? name, string message, HttpStatusCode? status) => name switch
    {
        "odoo.exceptions.AccessDenied" or "werkzeug.exceptions.Unauthorized" => OdooErrorKind.Authentication,
        "odoo.exceptions.AccessError" or "werkzeug.exceptions.Forbidden" => OdooErrorKind.Permission,
        "odoo.exceptions.UserError" when IsMissingModel(message) => OdooErrorKind.Missing,
        "builtins.AttributeError" when message.Contains("does not exist on the model", StringComparison.Ordinal) => OdooErrorKind.Missing,
        "odoo.exceptions.ValidationError" or "odoo.exceptions.UserError" or "odoo.exceptions.RedirectWarning" => OdooErrorKind.Validation,
        "odoo.exceptions.MissingError" or "werkzeug.exceptions.NotFound" => OdooErrorKind.Missing,

        // Our call's shape was wrong (an argument name, a field in a domain): retrying or asking the merchant will not help.
        "werkzeug.exceptions.UnprocessableEntity" or "werkzeug.exceptions.BadRequest" or "builtins.TypeError" or "builtins.ValueError" => OdooErrorKind.Protocol,
        "psycopg2.errors.SerializationFailure" or "psycopg2.extensions.TransactionRollbackError" or "odoo.exceptions.ConcurrencyError"
            or "werkzeug.exceptions.ServiceUnavailable" => OdooErrorKind.Transient,
        "psycopg2.OperationalError" when IsMissingDatabase(message) => OdooErrorKind.Authentication,
        "psycopg2.OperationalError" or "psycopg2.InterfaceError" => OdooErrorKind.Transient,
        _ when message.Contains("could not serialize access", StringComparison.OrdinalIgnoreCase) => OdooErrorKind.Transient,
        _ => status switch
        {
            HttpStatusCode.Unauthorized => OdooErrorKind.Authentication,
            HttpStatusCode.Forbidden => OdooErrorKind.Permission,
            HttpStatusCode.NotFound => OdooErrorKind.Missing,
            HttpStatusCode.UnprocessableEntity => OdooErrorKind.Validation,
            HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout => OdooErrorKind.Transient,
            _ => OdooErrorKind.Protocol,
        },
    };

    // Odoo 17 over JSON-RPC: UserError "Object no.such.model doesn't exist".
    private static bool IsMissingModel(string message) =>
        message.StartsWith("Object ", StringComparison.Ordinal) && message.EndsWith("doesn't exist", StringComparison.Ordinal);

    private static bool IsMissingDatabase(string message) =>
        message.Contains("database", StringComparison.OrdinalIgnoreCase) && message.Contains("does not exist", StringComparison.OrdinalIgnoreCase);
}
