using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Authentication;
using Rampart.Scanning.Engine;

namespace Rampart.Scanning.Http;

/// <summary>
/// The one HTTP client of a scan. Targets may be hostile, so every call is bounded: addresses are checked at
/// connect time (no DNS rebinding: the socket connects to the very address that was checked), redirects are
/// capped and re-checked, bodies are cut at a size limit, each request and the whole scan have deadlines, and
/// concurrency is limited globally and per host.
/// </summary>
public sealed class ProbeClient : IProbeClient, IDisposable
{
    public const string UserAgent = "Rampart/0.1 (+https://github.com/rampart-security/rampart; security requirements scanner)";

    private readonly ScanOptions options;
    private readonly TimeProvider time;
    private readonly AddressPolicy policy;
    private readonly CertificateTrust trust;
    private readonly Func<string, CancellationToken, Task<IPAddress[]>>? resolve;
    private readonly HttpMessageInvoker invoker;
    private readonly SemaphoreSlim global;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> perHost = new(StringComparer.OrdinalIgnoreCase);
    private long requestsSent;

    public ProbeClient(ScanOptions options, TimeProvider time, CertificateTrust trust)
    {
        this.options = options;
        this.time = time;
        this.trust = trust;
        policy = new AddressPolicy(options.AllowPrivateNetwork);
        // With --dns-server every name of the scan resolves through it, so HTTP probes see what the DNS checks saw.
        resolve = Dns.DnsResolver.AddressLookup(options);
        global = new SemaphoreSlim(options.GlobalConcurrency, options.GlobalConcurrency);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            // Cookies must never carry over from an authenticated probe to the next one.
            UseCookies = false,
            // A proxy would make the address check judge the proxy, not the target.
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = options.RequestTimeout,
            MaxConnectionsPerServer = options.PerHostConcurrency,
            MaxResponseHeadersLength = 64,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ResponseDrainTimeout = TimeSpan.FromSeconds(1),
            ConnectCallback = ConnectAsync,
        };
        handler.SslOptions.RemoteCertificateValidationCallback = trust.Validate;
        invoker = new HttpMessageInvoker(handler, disposeHandler: true);
    }

    public long RequestsSent => Interlocked.Read(ref requestsSent);

    public AddressPolicy Policy => policy;

    public async Task<ProbeResponse> SendAsync(ProbeRequest request, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var hops = new List<ProbeHop>();
        var current = request;
        var retried = false;
        var redirects = 0;
        while (true)
        {
            var (response, retryAfter) = await SendOnceAsync(current, request, started, hops, cancellationToken);
            if (retryAfter is { } delay && !retried)
            {
                // Honour Retry-After once when it is short; a long wait is reported as the 429/503 it is.
                retried = true;
                await Task.Delay(delay, time, cancellationToken);
                continue;
            }

            if (response.Error is not null || !current.FollowRedirects || !IsRedirect(response.Status))
            {
                return response;
            }

            var location = response.Header("Location");
            if (location is null || !Uri.TryCreate(current.Url, location, out var next) ||
                (next.Scheme != Uri.UriSchemeHttps && next.Scheme != Uri.UriSchemeHttp))
            {
                return response with
                {
                    Error = new ProbeError(ProbeErrorKind.InvalidRedirect, $"HTTP {response.Status} redirect to '{location}' cannot be followed"),
                };
            }

            hops.Add(new ProbeHop(current.Url, response.Status, response.Headers));
            if (++redirects > options.MaxRedirects)
            {
                return ProbeResponse.FromError(request, ProbeErrorKind.TooManyRedirects,
                    $"more than {options.MaxRedirects} redirects (last to {next})", time.GetElapsedTime(started), hops);
            }

            current = FollowTo(current, next, response.Status);
        }
    }

    private async Task<(ProbeResponse Response, TimeSpan? RetryAfter)> SendOnceAsync(
        ProbeRequest current, ProbeRequest original, long started, List<ProbeHop> hops, CancellationToken cancellationToken)
    {
        var hostGate = perHost.GetOrAdd(current.Url.Authority, _ => new SemaphoreSlim(options.PerHostConcurrency, options.PerHostConcurrency));
        await global.WaitAsync(cancellationToken);
        try
        {
            await hostGate.WaitAsync(cancellationToken);
            try
            {
                using var timeout = new CancellationTokenSource(options.RequestTimeout, time);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
                try
                {
                    return await ExchangeAsync(current, original, started, hops, linked.Token);
                }
                // Not the caller's cancellation, so this request's own limit: our timer, or the handler's ConnectTimeout,
                // which can fire first for a request that waited on a connection attempt another request started.
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    return (ProbeResponse.FromError(original, ProbeErrorKind.Timeout,
                        $"no complete answer from {current.Url.Authority} within {options.RequestTimeout.TotalSeconds:0.#} s", time.GetElapsedTime(started), [.. hops]), null);
                }
                catch (HttpRequestException e)
                {
                    return (ProbeResponse.FromError(original, Classify(e), Explain(e, current.Url), time.GetElapsedTime(started), [.. hops]), null);
                }
                catch (IOException e)
                {
                    return (ProbeResponse.FromError(original, ProbeErrorKind.ProtocolError, e.Message, time.GetElapsedTime(started), [.. hops]), null);
                }
            }
            finally
            {
                hostGate.Release();
            }
        }
        finally
        {
            global.Release();
        }
    }

    private async Task<(ProbeResponse, TimeSpan?)> ExchangeAsync(
        ProbeRequest current, ProbeRequest original, long started, List<ProbeHop> hops, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(current.Method, current.Url);
        message.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        foreach (var (name, value) in current.Headers ?? [])
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        if (current.Body is not null || current.Method == HttpMethod.Post)
        {
            message.Content = new ByteArrayContent(current.Body ?? []);
            if (current.ContentType is not null)
            {
                message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(current.ContentType);
            }
        }

        Interlocked.Increment(ref requestsSent);
        using var response = await invoker.SendAsync(message, cancellationToken);
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            headers.AddRange(header.Value.Select(v => new KeyValuePair<string, string>(header.Key, v)));
        }

        var cap = current.MaxBodyBytes ?? options.MaxBodyBytes;
        var (body, truncated) = await ReadBoundedAsync(response.Content, cap, cancellationToken);
        var result = new ProbeResponse(original, current.Url, (int)response.StatusCode, headers, body, truncated, [.. hops], null, time.GetElapsedTime(started));
        return (result, RetryDelay(response));
    }

    private TimeSpan? RetryDelay(HttpResponseMessage response)
    {
        if (response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable) || response.Headers.RetryAfter is not { } retry)
        {
            return null;
        }

        var delay = retry.Delta ?? (retry.Date is { } date ? date - time.GetUtcNow() : null);
        return delay is { } d && d >= TimeSpan.Zero && d <= options.MaxRetryAfter ? d : null;
    }

    private static async Task<(byte[] Body, bool Truncated)> ReadBoundedAsync(HttpContent content, int cap, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        // Pooled: a fresh 64 KiB buffer per request was most of a scan's allocations.
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            using var collected = new MemoryStream();
            while (collected.Length <= cap)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, cap + 1 - collected.Length)), cancellationToken);
                if (read == 0)
                {
                    return (collected.ToArray(), false);
                }

                collected.Write(buffer, 0, read);
            }

            return (collected.GetBuffer().AsSpan(0, cap).ToArray(), true);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var allowed = await policy.AllowedAddressesAsync(host, resolve, cancellationToken);

        // Connect to the address that passed the policy, not to the name: a second DNS answer cannot redirect us.
        var socket = await AddressPolicy.ConnectFirstAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
        return new NetworkStream(socket, ownsSocket: true);
    }

    private static bool IsRedirect(int status) => status is 301 or 302 or 303 or 307 or 308;

    private static ProbeRequest FollowTo(ProbeRequest current, Uri next, int status)
    {
        var sameOrigin = Uri.Compare(current.Url, next, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
        // Never hand a token to another origin: browsers drop Authorization on cross-origin redirects too.
        var headers = sameOrigin
            ? current.Headers
            : current.Headers?.Where(h => !string.Equals(h.Key, "Authorization", StringComparison.OrdinalIgnoreCase)).ToList();
        var toGet = status == 303 || (status is 301 or 302 && current.Method == HttpMethod.Post);
        return toGet
            ? current with { Url = next, Method = HttpMethod.Get, Body = null, ContentType = null, Headers = headers }
            : current with { Url = next, Headers = headers };
    }

    private static ProbeErrorKind Classify(HttpRequestException e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case BlockedAddressException:
                    return ProbeErrorKind.BlockedAddress;
                case AuthenticationException:
                    return ProbeErrorKind.TlsFailure;
                case SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain }:
                    return ProbeErrorKind.DnsFailure;
                case SocketException:
                    return ProbeErrorKind.ConnectionFailed;
            }
        }

        return e.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => ProbeErrorKind.DnsFailure,
            HttpRequestError.ConnectionError => ProbeErrorKind.ConnectionFailed,
            HttpRequestError.SecureConnectionError => ProbeErrorKind.TlsFailure,
            _ => ProbeErrorKind.ProtocolError,
        };
    }

    private string Explain(HttpRequestException e, Uri url)
    {
        var kind = Classify(e);
        if (kind == ProbeErrorKind.TlsFailure && trust.RejectionFor(url.Host) is { } reason)
        {
            return $"TLS to {url.Authority} failed: {reason}";
        }

        var innermost = e.GetBaseException();
        return kind switch
        {
            ProbeErrorKind.BlockedAddress => innermost.Message,
            ProbeErrorKind.DnsFailure => $"{url.Host} does not resolve ({innermost.Message})",
            _ => $"{url.Authority}: {innermost.Message}",
        };
    }

    public void Dispose()
    {
        invoker.Dispose();
        global.Dispose();
        foreach (var gate in perHost.Values)
        {
            gate.Dispose();
        }
    }
}
