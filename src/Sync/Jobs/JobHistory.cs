using System.Data.Common;
using Microsoft.EntityFrameworkCore.Metadata;
using Portal.Data.Entities;

namespace Portal.Sync.Jobs;

/// <summary>
/// Appends transitions to the job history inside the caller's transaction, with one statement for many rows:
/// a claim records the jobs of several tenants at once, which a context bound to one tenant refuses by design.
/// </summary>
internal static class JobHistory
{
    // SQL Server takes at most 2,100 parameters a statement.
    private const int RowsPerStatement = 200;

    private static readonly (string Property, Func<JobStateChange, object?> Value)[] Columns =
    [
        (nameof(JobStateChange.TenantId), c => c.TenantId),
        (nameof(JobStateChange.JobId), c => c.JobId),
        (nameof(JobStateChange.At), c => c.At),
        (nameof(JobStateChange.From), c => c.From),
        (nameof(JobStateChange.To), c => c.To),
        (nameof(JobStateChange.Actor), c => c.Actor),
        (nameof(JobStateChange.Reason), c => c.Reason),
        (nameof(JobStateChange.Error), c => c.Error),
        (nameof(JobStateChange.ErrorDetail), c => c.ErrorDetail),
        (nameof(JobStateChange.Duration), c => c.Duration),
    ];

    public static async Task AppendAsync(IModel model, DbTransaction transaction, IReadOnlyCollection<JobStateChange> changes, CancellationToken cancellationToken)
    {
        foreach (var chunk in changes.Chunk(RowsPerStatement))
        {
            using var sql = new JobSqlCommand(model, transaction, InsertSql(chunk.Length));
            for (var row = 0; row < chunk.Length; row++)
            {
                foreach (var (property, value) in Columns)
                {
                    sql.Bind<JobStateChange>(Parameter(property, row), property, value(chunk[row]));
                }
            }

            await sql.ExecuteAsync(cancellationToken);
        }
    }

    internal static string InsertSql(int rows) =>
        $"INSERT INTO [JobStateChanges] ({string.Join(", ", Columns.Select(c => $"[{c.Property}]"))}) VALUES "
        + string.Join(", ", Enumerable.Range(0, rows).Select(row => $"({string.Join(", ", Columns.Select(c => Parameter(c.Property, row)))})"))
        + ";";

    private static string Parameter(string property, int row) => $"@{property}{row}";
}
