namespace Portal.Sync.Odoo;

/// <summary>
/// An answer asked for once and then shared (the server version, the user id); asked again only after a
/// failure, so an Odoo that was down is found once it is back.
/// </summary>
internal sealed class OnceUntilFailure<T>(Func<CancellationToken, Task<T>> ask)
{
    private Task<T>? answer;

    public Task<T> GetAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref answer);
        if (current is { IsFaulted: false, IsCanceled: false })
        {
            return current;
        }

        var attempt = ask(cancellationToken);
        return Interlocked.CompareExchange(ref answer, attempt, current) == current ? attempt : answer!;
    }
}
