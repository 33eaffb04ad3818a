namespace Portal.Data;

/// <summary>Bound from the "Database" section; the connection string itself is ConnectionStrings:Portal.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";
    public const string ConnectionStringKey = "ConnectionStrings:Portal";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Where the SQLite file lives when no connection string is given; relative to the content root.</summary>
    public string DataDirectory { get; set; } = "data";
}
