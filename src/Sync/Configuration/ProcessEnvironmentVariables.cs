namespace Portal.Sync.Configuration;

/// <summary>The portal process's environment: the variables the server (or the shell running the import command) was given.</summary>
public sealed class ProcessEnvironmentVariables : IEnvironmentVariables
{
    public string? Get(string name) => Environment.GetEnvironmentVariable(name);
}
