using System.Net;

namespace Portal.Fakes.Odoo;

/// <summary>An error the fake raises the way Odoo does: the exception class, its message, and the JSON-2 status.</summary>
public sealed class FakeOdooException(string name, string message, HttpStatusCode status, string? json2Name = null, string? json2Message = null) : Exception(message)
{
    public string Name { get; } = name;

    /// <summary>The class JSON-2 reports when it differs from JSON-RPC's (an unknown model is werkzeug's NotFound there).</summary>
    public string Json2Name { get; } = json2Name ?? name;

    /// <summary>JSON-2's own wording where it differs (observed on Odoo 19).</summary>
    public string Json2Message { get; } = json2Message ?? message;

    public HttpStatusCode Status { get; } = status;

    public string Debug => $"Traceback (most recent call last):\n  File \"/odoo/odoo/http.py\", line 1, in _serve_db\n{Name}: {Message}\n";

    public static FakeOdooException AccessDenied() => new("odoo.exceptions.AccessDenied", "Access Denied", HttpStatusCode.Unauthorized);

    public static FakeOdooException AccessError(string label, string model, string operation) => new(
        "odoo.exceptions.AccessError",
        $"You are not allowed to {Verb(operation)} '{label}' ({model}) records.\n\nThis operation is allowed for the following groups:\n\t- Sales/User: Own Documents Only\n\nContact your administrator to request access if necessary.",
        HttpStatusCode.Forbidden);

    public static FakeOdooException Missing(string model, IEnumerable<long> ids, long uid) => new(
        "odoo.exceptions.MissingError",
        $"Record does not exist or has been deleted.\n(Record: {model}({string.Join(", ", ids)},), User: {uid})",
        HttpStatusCode.NotFound);

    public static FakeOdooException Validation(string message) => new("odoo.exceptions.ValidationError", message, HttpStatusCode.UnprocessableEntity);

    public static FakeOdooException User(string message) => new("odoo.exceptions.UserError", message, HttpStatusCode.UnprocessableEntity);

    public static FakeOdooException InvalidField(string model, string field) => new("builtins.ValueError", $"Invalid field '{field}' on model '{model}'", HttpStatusCode.InternalServerError);

    // JSON-2 checks argument names itself and answers 422 (observed on 19); JSON-RPC lets Python raise TypeError.
    public static FakeOdooException TypeError(string message) =>
        new("builtins.TypeError", message, HttpStatusCode.UnprocessableEntity, "werkzeug.exceptions.UnprocessableEntity");

    public static FakeOdooException UnknownModel(string model) =>
        new("odoo.exceptions.UserError", $"Object {model} doesn't exist", HttpStatusCode.NotFound, "werkzeug.exceptions.NotFound", $"the model '{model}' does not exist");

    public static FakeOdooException UnknownMethod(string model, string method) =>
        new("builtins.AttributeError", $"The method '{method}' does not exist on the model '{model}'", HttpStatusCode.NotFound, "werkzeug.exceptions.NotFound", $"The method '{model}.{method}' does not exist");

    private static string Verb(string operation) => operation switch
    {
        "read" => "access",
        "create" => "create",
        "write" => "modify",
        "unlink" => "delete",
        _ => operation,
    };
}
