namespace Portal.Sync.Configuration;

/// <summary>Where an import reads the secrets a configuration document refers to.</summary>
public interface IEnvironmentVariables
{
    string? Get(string name);
}
