namespace Portal.Components.Shared;

/// <summary>What the UI shows in place of a stored secret; the secret itself never reaches the browser.</summary>
public static class SecretMask
{
    public const string Masked = "••••••••••••";
}
