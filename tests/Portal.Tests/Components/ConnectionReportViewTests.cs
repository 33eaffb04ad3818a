using Bunit;
using MudBlazor.Services;
using Portal.Components.Pages.Odoo.Components;
using Portal.Sync.Odoo;
using Portal.Sync.Odoo.Connection;

namespace Portal.Tests.Components;

public class ConnectionReportViewTests : IAsyncLifetime
{
    private readonly BunitContext context = new();

    public ConnectionReportViewTests()
    {
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
    }

    [Fact]
    public void A_working_connection_names_version_edition_user_and_companies()
    {
        var report = new OdooConnectionReport(true, null, null, "17.0-20240709", "Community", OdooTransportKind.JsonRpc, "Mitchell Admin",
            ["My Company (San Francisco)"], [new OdooPermission("sale.order", "create", true)]);

        var view = context.Render<ConnectionReportView>(p => p.Add(v => v.Report, report));

        Assert.Contains("Connected to Odoo 17.0-20240709 (Community) over JsonRpc as Mitchell Admin", view.Find("[data-testid=connection-result]").TextContent, StringComparison.Ordinal);
        Assert.Contains("My Company (San Francisco)", view.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_rights_are_listed_first()
    {
        var report = new OdooConnectionReport(false, "The Odoo user 'viewer' lacks 1 of the rights the connector needs.", OdooErrorKind.Permission, "17.0", "Community",
            OdooTransportKind.JsonRpc, "Vera", [], [new OdooPermission("res.partner", "read", true), new OdooPermission("sale.order", "create", false)]);

        var view = context.Render<ConnectionReportView>(p => p.Add(v => v.Report, report));

        Assert.Contains("lacks 1 of the rights", view.Find("[data-testid=connection-result]").TextContent, StringComparison.Ordinal);
        var firstRow = view.Find("[data-testid=permission-report] tbody tr").TextContent;
        Assert.Contains("sale.order", firstRow, StringComparison.Ordinal);
        Assert.Contains("missing", firstRow, StringComparison.Ordinal);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await context.DisposeAsync();
}
