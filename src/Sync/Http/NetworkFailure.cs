using System.Net.Sockets;

namespace Portal.Sync.Http;

/// <summary>Why a request got no answer, in the words a job's error shows: Odoo's and the stores' clients say it alike.</summary>
public static class NetworkFailure
{
    public static string Reason(Exception exception) => exception switch
    {
        TaskCanceledException or TimeoutException => "no answer in time",
        HttpRequestException { InnerException: SocketException socket } => socket.SocketErrorCode switch
        {
            SocketError.ConnectionRefused => "connection refused",
            SocketError.HostNotFound or SocketError.NoData => "unknown host",
            _ => socket.SocketErrorCode.ToString(),
        },
        _ => exception.GetBaseException().Message,
    };
}
