using System.Text.Json;

namespace Portal.Sync.Odoo.Connection;

/// <summary>
/// Tests a connection the way the connector will use it: version, login, companies, and every model
/// operation it needs. The permission checks run a few at a time; none of them changes anything.
/// </summary>
public sealed class OdooConnectionTester(OdooClientFactory clients)
{
    private const int ParallelChecks = 4;

    public async Task<OdooConnectionReport> TestAsync(OdooEndpoint endpoint, CancellationToken cancellationToken = default)
    {
        var client = clients.Fresh(endpoint);
        try
        {
            var profile = await client.GetProfileAsync(cancellationToken);
            await client.AuthenticateAsync(cancellationToken);
            var user = (await client.SearchReadAsync("res.users", OdooDomain.Where("login", "=", endpoint.Login), ["name", "company_ids"], 1, cancellationToken: cancellationToken)).SingleOrDefault()
                ?? throw new OdooException(OdooErrorKind.Authentication, $"Odoo has no active user with the login '{endpoint.Login}'.");
            var companyIds = user.Ids("company_ids");
            var companies = companyIds.Count == 0
                ? []
                : (await client.SearchReadAsync("res.company", OdooDomain.In("id", companyIds), ["name"], cancellationToken: cancellationToken))
                    .Select(c => c!.Text("name") ?? "").ToList();
            var permissions = await CheckPermissionsAsync(client, profile, cancellationToken);
            var missing = permissions.Count(p => !p.Allowed);
            return new OdooConnectionReport(
                missing == 0,
                missing == 0 ? null : $"The Odoo user '{endpoint.Login}' lacks {missing} of the rights the connector needs (listed below). Give the user the Sales, Inventory and Invoicing user rights in Odoo.",
                missing == 0 ? null : OdooErrorKind.Permission,
                profile.Version.ServerVersion,
                profile.Version.Edition,
                await client.GetTransportAsync(cancellationToken),
                user.Text("name"),
                companies,
                permissions);
        }
        catch (OdooException ex)
        {
            return OdooConnectionReport.Failed(ex);
        }
    }

    private static async Task<List<OdooPermission>> CheckPermissionsAsync(OdooClient client, OdooVersionProfile profile, CancellationToken cancellationToken)
    {
        var checks = OdooRequirements.Models.SelectMany(m => m.Operations.Select(operation => (m.Model, Operation: operation))).ToList();
        var results = new OdooPermission[checks.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, checks.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelChecks, CancellationToken = cancellationToken },
            async (index, token) =>
            {
                var (model, operation) = checks[index];
                var (method, ids, arguments) = profile.AccessCheck(operation);
                bool allowed;
                try
                {
                    allowed = (await client.CallAsync(model, method, ids, arguments, cancellationToken: token))?.GetValueKind() == JsonValueKind.True;
                }
                catch (OdooException ex) when (ex.Kind is OdooErrorKind.Missing or OdooErrorKind.Permission)
                {
                    // A model that does not exist (module not installed) is as unusable as a forbidden one.
                    allowed = false;
                }

                results[index] = new OdooPermission(model, operation, allowed);
            });
        return [.. results];
    }
}
