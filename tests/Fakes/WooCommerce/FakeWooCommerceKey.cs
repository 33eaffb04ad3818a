using System.Security.Cryptography;

namespace Portal.Fakes.WooCommerce;

/// <summary>A REST API key of the fake site; <see cref="Permissions"/> is "read", "write" or "read_write", as WooCommerce stores it.</summary>
public sealed record FakeWooCommerceKey(string ConsumerKey, string ConsumerSecret, string Permissions)
{
    public static FakeWooCommerceKey Generate(string permissions) =>
        new($"ck_{RandomNumberGenerator.GetHexString(40, lowercase: true)}", $"cs_{RandomNumberGenerator.GetHexString(40, lowercase: true)}", permissions);

    public bool MayRead => Permissions is "read" or "read_write";

    public bool MayWrite => Permissions is "write" or "read_write";
}
