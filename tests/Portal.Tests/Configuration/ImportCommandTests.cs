using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Data;
using Portal.Hosting;
using Portal.Sync.Configuration;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Configuration;

public class ImportCommandTests : IAsyncLifetime
{
    private PortalTestHost host = default!;

    public async Task InitializeAsync()
    {
        host = await PortalTestHost.StartAsync();
        await host.AddTenantAsync("Alpha Outfitters");
        await host.AddTenantAsync("Twin");
        await host.AddTenantAsync("Twin");

        // The command is another process on the same database; this one only reads what it did.
        await host.StopAsync();
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        var exitCode = await ImportCommand.RunAsync(
            ["import", .. args, $"--contentRoot={host.Directory}", $"--Database:DataDirectory={host.Directory}"],
            output,
            services =>
            {
                services.RemoveAll<IEnvironmentVariables>();
                services.AddSingleton<IEnvironmentVariables>(new SampleEnvironment());
            });
        return (exitCode, output.ToString());
    }

    private async Task<T> ReadAsync<T>(Func<PortalDbContext, Task<T>> read)
    {
        await using var db = host.Services.GetRequiredService<PortalDbContextActivator>().Create(NoTenant.Instance);
        return await read(db);
    }

    [Fact]
    public async Task The_command_imports_the_sample_into_the_named_tenant_as_cli_and_a_second_run_changes_nothing()
    {
        var (exitCode, output) = await RunAsync(SampleEnvironment.SamplePath, "--tenant", "Alpha Outfitters");

        Assert.Equal(0, exitCode);
        Assert.Contains("18 created, 0 updated, 0 removed, 0 unchanged.", output, StringComparison.Ordinal);
        Assert.Equal(["Alpha EU", "Wholesale site"], await ReadAsync(db => db.Stores.IgnoreQueryFilters().OrderBy(s => s.Name).Select(s => s.Name).ToListAsync()));
        Assert.All(await ReadAsync(db => db.AuditEntries.IgnoreQueryFilters().ToListAsync()), e => Assert.Equal(ImportCommand.ActorName, e.ActorName));

        var tenantId = await ReadAsync(db => db.Tenants.IgnoreQueryFilters().Where(t => t.Name == "Alpha Outfitters").Select(t => t.Id).SingleAsync());
        var (again, againOutput) = await RunAsync(SampleEnvironment.SamplePath, "--tenant", tenantId.ToString());

        Assert.Equal(0, again);
        Assert.Contains("0 created, 0 updated, 0 removed, 18 unchanged.", againOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_document_exits_1_and_prints_each_error_with_its_path()
    {
        var document = JsonNode.Parse(SampleEnvironment.Sample)!;
        document["stores"]![0]!["orderSettings"]!["totalTolerance"] = 5000;
        var file = Path.Combine(host.Directory, "invalid.json");
        await File.WriteAllTextAsync(file, document.ToJsonString());

        var (exitCode, output) = await RunAsync(file, "--tenant", "Alpha Outfitters");

        Assert.Equal(1, exitCode);
        Assert.Contains("stores[0].orderSettings.totalTolerance: Enter a tolerance between 0 and 1000, in the order's currency.", output, StringComparison.Ordinal);
        Assert.Contains("1 error; nothing was applied.", output, StringComparison.Ordinal);
        Assert.Empty(await ReadAsync(db => db.Stores.IgnoreQueryFilters().ToListAsync()));
    }

    [Theory]
    [InlineData("Nobody", "No tenant has the id or name \"Nobody\".")]
    [InlineData("Twin", "Several tenants are named \"Twin\"")]
    public async Task A_tenant_that_is_not_exactly_one_exits_2(string tenant, string message)
    {
        var (exitCode, output) = await RunAsync(SampleEnvironment.SamplePath, "--tenant", tenant);

        Assert.Equal(2, exitCode);
        Assert.Contains(message, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_tenant_the_command_prints_its_usage_and_exits_2()
    {
        var (exitCode, output) = await RunAsync(SampleEnvironment.SamplePath);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("Usage: import <file> --tenant", output, StringComparison.Ordinal);
    }
}
