using Portal.Data;

namespace Portal.Sync.Jobs;

/// <summary>
/// SQLite lets one transaction write at a time, and a connection that finds the lock taken polls for it,
/// sleeping a millisecond and more between tries: long next to the job store's sub-millisecond transactions,
/// and it adds up when a worker's jobs all finish at once. The store's writers in this process take turns
/// here instead, so the lock passes from one to the next the moment it is free; other processes still meet
/// at SQLite's lock. SQL Server queues writers itself, so there it takes no turn.
/// </summary>
internal sealed class WriterTurns(DatabaseProvider provider) : IDisposable
{
    private readonly SemaphoreSlim turn = new(1, 1);

    /// <summary>Waits for this process's turn to write; disposing the result ends it.</summary>
    public async Task<IDisposable?> TakeAsync(CancellationToken cancellationToken)
    {
        if (provider != DatabaseProvider.Sqlite)
        {
            return null;
        }

        await turn.WaitAsync(cancellationToken);
        return new Turn(turn);
    }

    public void Dispose() => turn.Dispose();

    private sealed class Turn(SemaphoreSlim turn) : IDisposable
    {
        private int ended;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref ended, 1) == 0)
            {
                turn.Release();
            }
        }
    }
}
