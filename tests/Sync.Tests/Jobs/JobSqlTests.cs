using Microsoft.SqlServer.TransactSql.ScriptDom;
using Portal.Sync.Jobs;
using Portal.Sync.Webhooks;

namespace Portal.Sync.Tests.Jobs;

/// <summary>
/// The job store's and the webhook inbox's hand-written SQL runs on SQLite in every other test; no SQL Server
/// runs here, so its SQL Server side is proven by parsing it as T-SQL.
/// </summary>
public class JobSqlTests
{
    public static TheoryData<string, string> Statements => new()
    {
        { "enqueue", JobStatements.Enqueue },
        { "holder", JobStatements.Holder },
        { "count duplicate", JobStatements.CountDuplicate },
        { "take", JobStatements.Take },
        { "complete", JobStatements.Complete },
        { "claim lock", JobStatements.ClaimLock },
        { "history", JobHistory.InsertSql(rows: 3) },
        { "inbox count redelivery", InboxStatements.CountRedelivery },
        { "inbox keep", InboxStatements.Keep },
    };

    [Theory]
    [MemberData(nameof(Statements))]
    public void The_hand_written_SQL_is_valid_T_SQL(string name, string sql)
    {
        new TSql170Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);

        Assert.True(errors.Count == 0, $"{name}: {string.Join("; ", errors.Select(e => $"line {e.Line}: {e.Message}"))}");
    }
}
