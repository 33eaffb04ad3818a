using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;

namespace Portal.Data;

/// <summary>Provider knowledge the job engine needs: did a statement hit a unique index?</summary>
public static class DbErrors
{
    // SQLite's extended codes for a unique and a primary key index: a foreign key or check violation is not "already there".
    private static readonly int[] SqliteDuplicateKey = [2067, 1555];
    private static readonly int[] SqlServerDuplicateKey = [2601, 2627];

    public static bool IsUniqueViolation(Exception exception) => (exception is DbUpdateException { InnerException: { } inner } ? inner : exception) switch
    {
        SqliteException sqlite => SqliteDuplicateKey.Contains(sqlite.SqliteExtendedErrorCode),
        SqlException sql => SqlServerDuplicateKey.Contains(sql.Number),
        DbException => false,
        _ => false,
    };
}
