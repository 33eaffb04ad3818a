using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Sync.Secrets;
using Portal.Tests.Infrastructure;

namespace Portal.Tests;

public class KeyRingTests : IDisposable
{
    private readonly string certificateDirectory = Directory.CreateTempSubdirectory("portal-keyring-").FullName;

    private string CreateCertificate(string password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=portal-key-ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(certificateDirectory, "key-ring.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return path;
    }

    [Fact]
    public async Task With_a_certificate_the_key_ring_in_the_database_is_encrypted()
    {
        var settings = new Dictionary<string, string?>
        {
            ["DataProtection:CertificatePath"] = CreateCertificate("pfx-password"),
            ["DataProtection:CertificatePassword"] = "pfx-password",
        };
        await using var host = await PortalTestHost.StartAsync(settings);
        var protectedSecret = host.Services.GetRequiredService<SecretProtector>().Protect("shpat-secret-value");

        await using var scope = host.Services.CreateAsyncScope();
        var keys = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().DataProtectionKeys.Select(k => k.Xml).ToListAsync();
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("EncryptedXmlDecryptor", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });
        Assert.Equal("shpat-secret-value", host.Services.GetRequiredService<SecretProtector>().Unprotect(protectedSecret));
    }

    [Fact]
    public async Task Without_a_certificate_the_key_ring_is_stored_as_Data_Protection_writes_it()
    {
        await using var host = await PortalTestHost.StartAsync();
        host.Services.GetRequiredService<SecretProtector>().Protect("anything");

        await using var scope = host.Services.CreateAsyncScope();
        var keys = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().DataProtectionKeys.Select(k => k.Xml).ToListAsync();
        Assert.Contains(keys, xml => xml!.Contains("<masterKey", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_certificate_that_cannot_be_opened_stops_the_start()
    {
        var host = await PortalTestHost.TryStartAsync(new Dictionary<string, string?>
        {
            ["DataProtection:CertificatePath"] = CreateCertificate("right-password"),
            ["DataProtection:CertificatePassword"] = "wrong-password",
        });

        Assert.Null(host);
    }

    public void Dispose()
    {
        Directory.Delete(certificateDirectory, recursive: true);
        GC.SuppressFinalize(this);
    }
}
