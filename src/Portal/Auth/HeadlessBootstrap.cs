using Microsoft.Extensions.Options;

namespace Portal.Auth;

/// <summary>At start: when Bootstrap:AdminEmail and Bootstrap:AdminPassword are set and nobody exists yet, creates the first owner.</summary>
public sealed class HeadlessBootstrap(IOptions<BootstrapOptions> options, FirstRunSetup setup, ILogger<HeadlessBootstrap> logger)
{
    /// <summary>False when the configured owner cannot be created, so the portal does not start half set up.</summary>
    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        var bootstrap = options.Value;
        if (string.IsNullOrWhiteSpace(bootstrap.AdminEmail) || string.IsNullOrEmpty(bootstrap.AdminPassword))
        {
            return true;
        }

        if (!await setup.IsPendingAsync(cancellationToken))
        {
            logger.LogInformation("Bootstrap:AdminEmail is set but users already exist; nothing to do.");
            return true;
        }

        var result = await setup.CreateFirstOwnerAsync(
            new FirstOwnerForm
            {
                TenantName = bootstrap.TenantName,
                Email = bootstrap.AdminEmail,
                Password = bootstrap.AdminPassword,
                ConfirmPassword = bootstrap.AdminPassword,
            },
            cancellationToken);
        if (!result.Succeeded)
        {
            logger.LogCritical("Bootstrap:AdminEmail/Bootstrap:AdminPassword could not create the first owner: {Errors}", string.Join(" ", result.Errors));
            return false;
        }

        logger.LogInformation("Created the first owner {Email} of tenant {TenantName} from Bootstrap settings.", bootstrap.AdminEmail, bootstrap.TenantName);
        return true;
    }
}
