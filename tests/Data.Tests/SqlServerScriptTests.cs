using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Portal.Data.Tests;

/// <summary>No SQL Server runs here, so the SQL Server migrations are proven by parsing the script they render.</summary>
public class SqlServerScriptTests
{
    [Fact]
    public void The_idempotent_SQL_Server_migration_script_parses_without_errors()
    {
        using var db = PortalDbContextActivator.For(DatabaseProvider.SqlServer, "Server=unused").Create(new FixedTenant(null));
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var fragment = new TSql170Parser(initialQuotedIdentifiers: true).Parse(new StringReader(script), out var errors);

        Assert.Empty(errors.Select(e => $"line {e.Line}: {e.Message}"));
        var created = fragment.ScriptTokenStream
            .Where(t => t.TokenType == TSqlTokenType.QuotedIdentifier)
            .Select(t => t.Text)
            .ToHashSet();
        foreach (var table in db.Model.GetEntityTypes().Select(e => e.GetTableName()))
        {
            Assert.Contains($"[{table}]", created);
        }
    }
}
