using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace Portal.Hosting;

/// <summary>
/// The key ring lives in the same database as the secrets it protects. With DataProtection:CertificatePath
/// set, the keys themselves are encrypted with that certificate, so a copy of the database alone reveals nothing.
/// </summary>
public static class KeyRingProtection
{
    public const string CertificatePathKey = "DataProtection:CertificatePath";
    public const string CertificatePasswordKey = "DataProtection:CertificatePassword";

    public static IServiceCollection AddKeyRingProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var path = configuration[CertificatePathKey];
        if (string.IsNullOrWhiteSpace(path))
        {
            return services;
        }

        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[CertificatePasswordKey]);
            services.AddDataProtection().ProtectKeysWithCertificate(certificate);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            // Reported by start-up as one clear line; the portal then stops.
            services.AddSingleton(new KeyRingProblem($"{CertificatePathKey} '{path}' cannot be loaded: {ex.Message}"));
        }

        return services;
    }
}
