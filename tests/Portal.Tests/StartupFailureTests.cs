using System.Diagnostics;
using Portal.Tests.Infrastructure;

namespace Portal.Tests;

/// <summary>The real program, started as an operator would, against a database it cannot open.</summary>
public class StartupFailureTests
{
    [Theory]
    [InlineData("Sqlite", "Data Source=/proc/portal-cannot-write-here/portal.db")]
    [InlineData("SqlServer", "")]
    [InlineData("SqlServer", "Server=127.0.0.1,1;Database=Portal;User Id=sa;Password=NotLogged-7351;TrustServerCertificate=True;Connect Timeout=3")]
    public async Task An_unusable_database_ends_the_process_with_one_clear_line_and_exit_code_1(string provider, string connectionString)
    {
        var portal = Path.Combine(AppContext.BaseDirectory, "Portal.dll");
        var start = new ProcessStartInfo("dotnet", [portal, "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.Combine(RepositoryPaths.Root, "src", "Portal"),
        };
        start.Environment["Database__Provider"] = provider;
        start.Environment["ConnectionStrings__Portal"] = connectionString;
        start.Environment["Serilog__WriteTo__1__Name"] = "Console";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        var log = await output + await errors;

        Assert.Equal(1, process.ExitCode);
        Assert.Contains("ConnectionStrings:Portal", log, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", log, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", log, StringComparison.Ordinal);
        Assert.DoesNotContain("NotLogged-7351", log, StringComparison.Ordinal);
    }
}
