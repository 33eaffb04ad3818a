using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Portal.Data.Entities;

namespace Portal.Endpoints;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // A form post with an antiforgery token, so another site cannot sign a user out.
        endpoints.MapPost("/account/logout", async (SignInManager<PortalUser> signIn) =>
            {
                await signIn.SignOutAsync();
                return TypedResults.LocalRedirect("/account/login?signedOut=true");
            })
            .WithMetadata(new RequireAntiforgeryTokenAttribute());
        return endpoints;
    }
}
