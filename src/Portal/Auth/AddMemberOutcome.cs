namespace Portal.Auth;

/// <summary>
/// An existing user is added at once; a new person gets an invitation link that the owner passes on
/// (the portal sends no email), valid for <see cref="TeamService.InvitationLifetime"/>.
/// </summary>
public sealed record AddMemberOutcome(string Email, string? InvitationPath)
{
    public bool Invited => InvitationPath is not null;
}
