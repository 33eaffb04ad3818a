namespace Portal.Bench;

/// <summary>A clock that stands still until moved: the time a schedule sees, apart from the real time the work takes.</summary>
internal sealed class ScheduleClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
