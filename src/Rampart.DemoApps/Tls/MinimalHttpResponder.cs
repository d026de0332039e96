using System.Text;

namespace Rampart.DemoApps.Tls;

/// <summary>
/// Reads one HTTP/1.1 request head (at most <see cref="MaxRequestHeadBytes"/>) and answers a small fixed page with
/// HSTS, then closes: enough for a scanner to see that the host speaks HTTP over its TLS.
/// </summary>
public static class MinimalHttpResponder
{
    public const int MaxRequestHeadBytes = 16 * 1024;

    public const string Body = "<!doctype html><title>Legacy TLS host</title><p>Served over BouncyCastle TLS.</p>\n";

    public static async Task RespondAsync(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var head = new byte[MaxRequestHeadBytes];
        var length = 0;
        while (length < head.Length && !EndsHead(head.AsSpan(0, length)))
        {
            var read = await stream.ReadAsync(head.AsMemory(length), cancellationToken);
            if (read == 0)
            {
                return;
            }

            length += read;
        }

        var complete = EndsHead(head.AsSpan(0, length));
        var status = complete ? "200 OK" : "431 Request Header Fields Too Large";
        var body = Encoding.UTF8.GetBytes(complete ? Body : "request head too large\n");
        var response = Encoding.ASCII.GetBytes(
            $"HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {body.Length}\r\n" +
            "Strict-Transport-Security: max-age=31536000\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(response, cancellationToken);
        await stream.WriteAsync(body, cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    private static bool EndsHead(ReadOnlySpan<byte> received) => received.IndexOf("\r\n\r\n"u8) >= 0;
}
