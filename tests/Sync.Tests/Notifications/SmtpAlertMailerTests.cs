using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Options;
using Portal.Sync.Notifications;

namespace Portal.Sync.Tests.Notifications;

public class SmtpAlertMailerTests
{
    [Fact]
    public void Without_a_host_and_a_sender_nothing_is_configured()
    {
        Assert.False(new SmtpAlertMailer(Options.Create(new NotificationsOptions())).IsConfigured);
        Assert.False(new SmtpAlertMailer(Options.Create(new NotificationsOptions { Smtp = { Host = "smtp.example.com" } })).IsConfigured);
        Assert.True(new SmtpAlertMailer(Options.Create(new NotificationsOptions { Smtp = { Host = "smtp.example.com", From = "portal@example.com" } })).IsConfigured);
    }

    [Fact]
    public async Task An_alert_is_sent_over_smtp_from_the_configured_sender_to_the_stores_address()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var server = ReceiveOneMailAsync(listener);
        var options = new NotificationsOptions
        {
            Smtp = { Host = "127.0.0.1", Port = ((IPEndPoint)listener.LocalEndpoint).Port, From = "portal@example.com", EnableSsl = false },
        };

        await new SmtpAlertMailer(Options.Create(options)).SendAsync(new AlertMail("ops@alpha.test", "Alpha EU: 1 job failed or parked", "- Order #1001"), CancellationToken.None);

        var (commands, data) = await server.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains("MAIL FROM:<portal@example.com>", commands);
        Assert.Contains("RCPT TO:<ops@alpha.test>", commands);
        Assert.Contains("Subject: Alpha EU: 1 job failed or parked", data, StringComparison.Ordinal);
        Assert.Contains("- Order #1001", data, StringComparison.Ordinal);
    }

    /// <summary>Just enough of an SMTP server for one message: every command is accepted; returns the commands and the message.</summary>
    private static async Task<(List<string> Commands, string Data)> ReceiveOneMailAsync(TcpListener listener)
    {
        using var client = await listener.AcceptTcpClientAsync();
        await using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        var commands = new List<string>();
        var data = new StringBuilder();
        await writer.WriteLineAsync("220 test SMTP");
        while (await reader.ReadLineAsync() is { } line)
        {
            commands.Add(line);
            if (line.StartsWith("DATA", StringComparison.OrdinalIgnoreCase))
            {
                await writer.WriteLineAsync("354 go on");
                while (await reader.ReadLineAsync() is { } body && body != ".")
                {
                    data.AppendLine(body);
                }

                await writer.WriteLineAsync("250 queued");
            }
            else if (line.StartsWith("QUIT", StringComparison.OrdinalIgnoreCase))
            {
                await writer.WriteLineAsync("221 bye");
                break;
            }
            else
            {
                await writer.WriteLineAsync("250 ok");
            }
        }

        return (commands, data.ToString());
    }
}
