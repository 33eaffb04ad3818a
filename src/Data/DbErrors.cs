using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;

namespace Portal.Data;

/// <summary>Provider knowledge the job engine needs: did a statement hit a unique index?</summary>
public static class DbErrors
{
    private const int SqliteConstraint = 19;
    private static readonly int[] SqlServerDuplicateKey = [2601, 2627];

    public static bool IsUniqueViolation(Exception exception) => (exception is DbUpdateException { InnerException: { } inner } ? inner : exception) switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint,
        SqlException sql => SqlServerDuplicateKey.Contains(sql.Number),
        DbException => false,
        _ => false,
    };
}
