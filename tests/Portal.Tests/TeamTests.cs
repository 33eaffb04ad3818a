using System.Net;
using Portal.Auth;
using Portal.Data.Entities;
using Portal.Sync.Tenancy;
using Portal.Tests.Infrastructure;

namespace Portal.Tests;

public class TeamTests : IAsyncLifetime
{
    private const string Password = "correct horse battery";
    private PortalTestHost host = default!;
    private Guid tenant;
    private string ownerId = "";

    public async Task InitializeAsync()
    {
        host = await PortalTestHost.StartAsync();
        tenant = await host.AddTenantAsync("Alpha Outfitters");
        ownerId = await host.AddUserAsync("owner@alpha.test", Password);
        await host.AddMembershipAsync(tenant, ownerId, TenantRole.Owner);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private AsyncServiceScope AsOwner() => host.ScopeAsMember(tenant, TenantRole.Owner, ownerId, "owner@alpha.test");

    [Fact]
    public async Task An_invited_person_sets_a_password_through_the_link_and_signs_in_with_the_given_role()
    {
        AddMemberOutcome outcome;
        await using (var scope = AsOwner())
        {
            outcome = await scope.ServiceProvider.GetRequiredService<TeamService>().AddAsync(new AddMemberForm { Email = "new@alpha.test", Role = TenantRole.Finance });
        }

        Assert.True(outcome.Invited);
        using var invitee = host.NewBrowser();
        using var accepted = await invitee.SubmitFormAsync(outcome.InvitationPath!, new Dictionary<string, string>
        {
            ["Input.Password"] = "my own good password",
            ["Input.ConfirmPassword"] = "my own good password",
        });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        using var again = host.NewBrowser();
        await again.SignInOrFailAsync("new@alpha.test", "my own good password");
        var (status, body) = await again.GetPageAsync(TenantRoute.For(tenant));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Finance", body, StringComparison.Ordinal);

        using var replay = host.NewBrowser();
        using var reused = await replay.SubmitFormAsync(outcome.InvitationPath!, new Dictionary<string, string>
        {
            ["Input.Password"] = "someone elses password",
            ["Input.ConfirmPassword"] = "someone elses password",
        });
        Assert.Contains("not valid any more", WebUtility.HtmlDecode(await reused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_existing_user_is_added_at_once_without_an_invitation()
    {
        await host.AddUserAsync("known@elsewhere.test", Password);
        await using var scope = AsOwner();
        var team = scope.ServiceProvider.GetRequiredService<TeamService>();

        var outcome = await team.AddAsync(new AddMemberForm { Email = "known@elsewhere.test", Role = TenantRole.Viewer });

        Assert.False(outcome.Invited);
        var (members, _) = await team.ListAsync(0, 10);
        Assert.Contains(members, m => m.Email == "known@elsewhere.test" && m.Role == TenantRole.Viewer && m.Status == MemberStatus.Active);
        await Assert.ThrowsAsync<TeamRuleException>(() => team.AddAsync(new AddMemberForm { Email = "known@elsewhere.test", Role = TenantRole.Admin }));
    }

    [Fact]
    public async Task The_last_owner_cannot_be_removed()
    {
        await using var scope = AsOwner();
        var team = scope.ServiceProvider.GetRequiredService<TeamService>();
        var (members, _) = await team.ListAsync(0, 10);

        var refused = await Assert.ThrowsAsync<TeamRuleException>(() => team.RemoveAsync(members.Single().MembershipId));

        Assert.Contains("at least one owner", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_removed_member_loses_access_at_the_next_request()
    {
        var viewerId = await host.AddUserAsync("viewer@alpha.test", Password);
        await host.AddMembershipAsync(tenant, viewerId, TenantRole.Viewer);
        using var viewer = host.NewBrowser();
        await viewer.SignInOrFailAsync("viewer@alpha.test", Password);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetPageAsync(TenantRoute.For(tenant))).Status);

        await using (var scope = AsOwner())
        {
            var team = scope.ServiceProvider.GetRequiredService<TeamService>();
            var (members, _) = await team.ListAsync(0, 10);
            await team.RemoveAsync(members.Single(m => m.Email == "viewer@alpha.test").MembershipId);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetPageAsync(TenantRoute.For(tenant))).Status);
    }

    [Theory]
    [InlineData(TenantRole.Admin)]
    [InlineData(TenantRole.Finance)]
    [InlineData(TenantRole.Viewer)]
    public async Task Only_owners_may_change_members(TenantRole role)
    {
        await using var scope = host.ScopeAsMember(tenant, role);
        var team = scope.ServiceProvider.GetRequiredService<TeamService>();

        await Assert.ThrowsAsync<TenantAccessDeniedException>(() => team.AddAsync(new AddMemberForm { Email = "x@alpha.test", Role = TenantRole.Owner }));
        await Assert.ThrowsAsync<TenantAccessDeniedException>(() => team.ListAsync(0, 10));
    }
}
