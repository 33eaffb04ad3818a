using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Sync.Configuration;
using Portal.Sync.Tenancy;

namespace Portal.Hosting;

/// <summary>
/// <c>dotnet run --project src/Portal -- import &lt;file&gt; --tenant &lt;id or name&gt; [--dry-run]</c>: imports a
/// configuration document into one tenant with the portal's own services (its database, key ring and validators),
/// audited as "cli", and exits 0 when the document was valid, 1 when it was not, 2 when the command was wrong.
/// Any other argument (--Database:DataDirectory=…) is configuration, as for the portal.
/// </summary>
public static class ImportCommand
{
    public const string Name = "import";
    public const string ActorName = "cli";

    private const string Usage = "Usage: import <file> --tenant <tenant id or name> [--dry-run]";

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Name;

    /// <param name="configure">Replaces services before the import runs; tests give their own environment variables.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, Action<IServiceCollection>? configure = null)
    {
        string? file = null;
        string? tenantName = null;
        var dryRun = false;
        var configuration = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--tenant" when i + 1 < args.Length:
                    tenantName = args[++i];
                    break;
                case "--dry-run":
                    dryRun = true;
                    break;
                case var argument when file is null && !argument.StartsWith('-'):
                    file = argument;
                    break;
                default:
                    configuration.Add(args[i]);
                    break;
            }
        }

        if (file is null || tenantName is null)
        {
            await output.WriteLineAsync(Usage);
            return 2;
        }

        if (Locate(file) is not { } path)
        {
            await output.WriteLineAsync($"There is no file {Path.GetFullPath(file)}.");
            return 2;
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [.. configuration], ApplicationName = typeof(ImportCommand).Assembly.GetName().Name });
        builder.AddPortal();
        configure?.Invoke(builder.Services);
        await using var app = builder.Build();
        if (!await app.Services.GetRequiredService<PortalStartup>().PrepareAsync(CancellationToken.None))
        {
            await output.WriteLineAsync("The portal's database or key ring cannot be used; see the log above.");
            return 1;
        }

        var (tenantId, problem) = await FindTenantAsync(app.Services, tenantName);
        if (tenantId is null)
        {
            await output.WriteLineAsync(problem);
            return 2;
        }

        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().EnterAsSystem(tenantId.Value, ActorName);
        var result = await scope.ServiceProvider.GetRequiredService<TenantConfigurationImporter>().ImportAsync(await File.ReadAllTextAsync(path), apply: !dryRun);
        await WriteAsync(output, result, dryRun);
        return result.IsValid ? 0 : 1;
    }

    /// <summary>
    /// The file as given, or relative to the shell's folder: <c>dotnet run --project</c> starts the portal in its
    /// project folder, but the shell's own folder is still in PWD.
    /// </summary>
    private static string? Locate(string file)
    {
        if (File.Exists(file))
        {
            return file;
        }

        var shellFolder = Environment.GetEnvironmentVariable("PWD");
        return !Path.IsPathRooted(file) && shellFolder is not null && File.Exists(Path.Combine(shellFolder, file)) ? Path.Combine(shellFolder, file) : null;
    }

    /// <summary>A tenant by its id, or by its name when exactly one tenant has it (names are not unique, ids are).</summary>
    private static async Task<(Guid? Id, string Problem)> FindTenantAsync(IServiceProvider services, string idOrName)
    {
        await using var db = services.GetRequiredService<PortalDbContextActivator>().Create(NoTenant.Instance);
        var tenants = db.Tenants.IgnoreQueryFilters();
        var ids = Guid.TryParse(idOrName, out var id)
            ? await tenants.Where(t => t.Id == id).Select(t => t.Id).ToListAsync()
            : await tenants.Where(t => t.Name == idOrName).OrderBy(t => t.Id).Select(t => t.Id).Take(2).ToListAsync();
        return ids.Count switch
        {
            1 => (ids[0], ""),
            0 => (null, $"No tenant has the id or name \"{idOrName}\"."),
            _ => (null, $"Several tenants are named \"{idOrName}\"; give the tenant's id (the address of its pages, /t/<id>)."),
        };
    }

    private static async Task WriteAsync(TextWriter output, ConfigurationImportResult result, bool dryRun)
    {
        foreach (var error in result.Errors)
        {
            await output.WriteLineAsync(error.ToString());
        }

        foreach (var change in result.Changes)
        {
            await output.WriteLineAsync(change.ToString());
        }

        await output.WriteLineAsync(result.IsValid && dryRun ? $"Dry run, nothing applied: {result.Summary}." : $"{result.Summary}.");
    }
}
