using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Portal.Data;
using Portal.Data.Entities;

namespace Portal.Auth;

public static class AuthServiceCollectionExtensions
{
    public static IServiceCollection AddPortalAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "portal.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;

            // A page the role does not allow answers 403 with the portal's own page, not a redirect.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        services.AddIdentityCore<PortalUser>()
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.AddOptions<IdentityOptions>()
            .Configure(ApplyDefaultRules)
            .Bind(configuration.GetSection("Identity"));
        services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = TeamService.InvitationLifetime);

        var authorization = services.AddAuthorizationBuilder()
            .AddPolicy(PortalPolicies.CreateTenants, policy => policy.RequireAuthenticatedUser().AddRequirements(new TenantCreatorRequirement()));
        foreach (var (name, permission) in PortalPolicies.TenantPermissions)
        {
            authorization.AddPolicy(name, policy => policy.RequireAuthenticatedUser().AddRequirements(new TenantPermissionRequirement(permission)));
        }
        services.AddScoped<IAuthorizationHandler, TenantPermissionHandler>();
        services.AddScoped<IAuthorizationHandler, TenantCreatorHandler>();

        services.AddSingleton<MembershipLookup>();
        services.AddScoped<TenantDirectory>();
        services.AddScoped<TeamService>();
        services.AddSingleton<FirstRunSetup>();
        services.AddScoped<HeadlessBootstrap>();
        services.Configure<BootstrapOptions>(configuration.GetSection(BootstrapOptions.SectionName));
        services.AddSingleton<IValidator<FirstOwnerForm>, FirstOwnerFormValidator>();
        services.AddSingleton<IValidator<AddMemberForm>, AddMemberFormValidator>();
        services.AddSingleton<IValidator<NewTenantForm>, NewTenantFormValidator>();
        return services;
    }

    // Length over composition (NIST SP 800-63B); Identity:Password and Identity:Lockout in configuration override these.
    private static void ApplyDefaultRules(IdentityOptions options)
    {
        options.Password.RequiredLength = 12;
        options.Password.RequiredUniqueChars = 4;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.Lockout.AllowedForNewUsers = true;
        options.User.RequireUniqueEmail = true;
        options.SignIn.RequireConfirmedAccount = false;
    }
}
