namespace Portal.Sync.Odoo.Connection;

/// <summary>One model operation the connector needs, and whether the Odoo user may do it.</summary>
public sealed record OdooPermission(string Model, string Operation, bool Allowed);

/// <summary>
/// What "Test connection" found: the server, the user's companies and rights, or the one problem that
/// stopped the test, in words a merchant can act on.
/// </summary>
public sealed record OdooConnectionReport(
    bool Succeeded,
    string? Problem,
    OdooErrorKind? ProblemKind,
    string? ServerVersion,
    string? Edition,
    OdooTransportKind? Transport,
    string? UserName,
    IReadOnlyList<string> Companies,
    IReadOnlyList<OdooPermission> Permissions)
{
    public IReadOnlyList<OdooPermission> Missing => Permissions.Where(p => !p.Allowed).ToList();

    /// <summary>The outcome in one sentence, for the health page and the self-test.</summary>
    public string Summary => Succeeded
        ? $"Odoo {ServerVersion} ({Edition}) as {UserName}; every right the connector needs is granted."
        : Problem ?? "The check failed.";

    public static OdooConnectionReport Failed(OdooException problem) =>
        new(false, problem.Message, problem.Kind, null, null, null, null, [], []);
}
