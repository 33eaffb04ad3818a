namespace Portal.Bench;

/// <summary>Counts the HTTP requests the Odoo client sends: its round trips, retries included.</summary>
internal sealed class RoundTripCounter : DelegatingHandler
{
    private int count;

    public int Count => Volatile.Read(ref count);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref count);
        return base.SendAsync(request, cancellationToken);
    }
}
