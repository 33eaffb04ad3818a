using Microsoft.AspNetCore.DataProtection;

namespace Portal.Sync.Secrets;

/// <summary>
/// Encrypts tokens, API keys and webhook secrets before they reach the database. The key ring lives in
/// the database too, so every instance of the portal can read what another wrote.
/// </summary>
public sealed class SecretProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector protector = provider.CreateProtector("Portal.Secrets.v1");

    public string Protect(string secret) => protector.Protect(secret);

    public string Unprotect(string protectedSecret) => protector.Unprotect(protectedSecret);
}
