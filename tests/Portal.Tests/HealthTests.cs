using System.Net;
using System.Text.Json;
using Portal.Tests.Infrastructure;

namespace Portal.Tests;

public class HealthTests(TwoTenantsFixture fixture) : IClassFixture<TwoTenantsFixture>
{
    [Fact]
    public async Task Liveness_answers_anonymously_with_json()
    {
        using var anonymous = fixture.Host.NewBrowser();

        var (status, body) = await anonymous.GetPageAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", JsonDocument.Parse(body).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Readiness_reports_the_database_reachable_and_migrated()
    {
        using var anonymous = fixture.Host.NewBrowser();

        var (status, body) = await anonymous.GetPageAsync("/healthz/ready");

        Assert.Equal(HttpStatusCode.OK, status);
        var database = JsonDocument.Parse(body).RootElement.GetProperty("checks").GetProperty("database");
        Assert.Equal("Healthy", database.GetProperty("status").GetString());
        Assert.Equal("Reachable; all migrations applied.", database.GetProperty("description").GetString());
        var checks = JsonDocument.Parse(body).RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("scheduler").GetProperty("status").GetString());
        Assert.Equal("No job is waiting.", checks.GetProperty("backlog").GetProperty("description").GetString());
    }
}
