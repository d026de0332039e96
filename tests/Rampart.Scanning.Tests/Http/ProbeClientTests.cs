using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using Rampart.Scanning.Engine;
using Rampart.Scanning.Http;
using Rampart.Scanning.Tests.Support;

namespace Rampart.Scanning.Tests.Http;

/// <summary>The client talks to real servers that misbehave the way hostile targets do.</summary>
public sealed class ProbeClientTests
{
    private static CancellationToken Ct => TestTimeout.Token;

    [Fact]
    public async Task Refuses_loopback_unless_allowed_and_sends_nothing()
    {
        await using var server = await LoopbackServer.StartAsync(ctx => ctx.Response.WriteAsync("hello", Ct));
        using var client = TestScan.Client(TestScan.LoopbackOptions with { AllowPrivateNetwork = false });

        var response = await client.SendAsync(new ProbeRequest(HttpMethod.Get, server.BaseUrl), Ct);

        response.Error.ShouldNotBeNull();
        response.Error.Kind.ShouldBe(ProbeErrorKind.BlockedAddress);
        response.Error.Message.ShouldContain("127.0.0.0/8");
        server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Serves_headers_and_body_when_allowed()
    {
        await using var server = await LoopbackServer.StartAsync(async ctx =>
        {
            ctx.Response.Headers["X-Test"] = "yes";
            await ctx.Response.WriteAsync("hello", Ct);
        });
        using var client = TestScan.Client();

        var response = await client.SendAsync(new ProbeRequest(HttpMethod.Get, server.BaseUrl), Ct);

        response.Error.ShouldBeNull();
        response.Status.ShouldBe(200);
        response.Header("x-test").ShouldBe("yes");
        response.BodyText().ShouldBe("hello");
        client.RequestsSent.ShouldBe(1);
    }

    [Fact]
    public async Task Stops_an_endless_redirect_chain_at_the_cap_and_keeps_the_hops()
    {
        await using var server = await LoopbackServer.StartAsync(ctx =>
        {
            ctx.Response.Redirect("/loop" + Guid.NewGuid().ToString("N")[..6]);
            return Task.CompletedTask;
        });
        using var client = TestScan.Client(TestScan.LoopbackOptions with { MaxRedirects = 3 });

        var response = await client.SendAsync(new ProbeRequest(HttpMethod.Get, server.BaseUrl), Ct);

        response.Error.ShouldNotBeNull();
        response.Error.Kind.ShouldBe(ProbeErrorKind.TooManyRedirects);
        response.Hops.Count.ShouldBe(4);
        server.Requests.Count.ShouldBe(4);
    }

    [Fact]
    public async Task Rechecks_the_address_of_a_redirect_target()
    {
        await using var server = await LoopbackServer.StartAsync(ctx =>
        {
            ctx.Response.Redirect("http://169.254.169.254/latest/meta-data/");
            return Task.CompletedTask;
        });
        using var client = TestScan.Client();

        var response = await client.SendAsync(new ProbeRequest(HttpMethod.Get, server.BaseUrl), Ct);

        response.Error.ShouldNotBeNull();
        response.Error.Kind.ShouldBe(ProbeErrorKind.BlockedAddress);
        response.Error.Message.ShouldContain("metadata");
        response.Hops.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Does_not_follow_redirects_to_other_schemes()
    {
        await using var server = await LoopbackServer.StartAsync(ctx =>
        {
            ctx.Response.Redirect("file:///etc/passwd");
            return Task.CompletedTask;
        });
        using var client = TestScan.Client();

        var response = await client.SendAsync(new ProbeRequest(HttpMethod.Get, server.BaseUrl), Ct);

        response.Error?.Kind.ShouldBe(ProbeErrorKind.InvalidRedirect);
        response.Status.ShouldBe(302);
    }

    [Fact]
    public async Task Cuts_a_huge_body_at_the_cap()
    {
        await using var server = await LoopbackServer.StartAsync(async ctx =>
        {
            var chunk = new byte[64 * 1024];
            for (var i = 0; i < 80; i++)
            {
                await ctx.Response.Body.WriteAsync(chunk, ctx.RequestAborted);
            }
        });
        using var client = TestScan.Client(TestScan.LoopbackOptions with { MaxBodyBytes = 100_000 });

        var response = await client.SendAsync(new ProbeRequest(HttpMethod.Get, server.BaseUrl), Ct);

        response.Error.ShouldBeNull();
        response.BodyTruncated.ShouldBeTrue();
        response.Body.Length.ShouldBe(100_000);
    }

    [Fact]
    public async Task Ends_an_endless_slow_stream_with_a_timeout()
    {
        await using var server = await LoopbackServer.StartAsync(async ctx =>
        {
            await ctx.Response.StartAsync(ctx.RequestAborted);
            while (!ctx.RequestAborted.IsCancellationRequested)
            {
                await ctx.Response.Body.WriteAsync(Encoding.ASCII.GetBytes("x"), ctx.RequestAborted);
                await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
                await Task.Delay(50, ctx.RequestAborted);
            }
        });
        using var client = TestScan.Client(TestScan.LoopbackOptions with { RequestTimeout = TimeSpan.FromMilliseconds(500) });

        var response = await client.SendAsync(new ProbeRequest(HttpMethod.Get, server.BaseUrl), Ct);

        response.Error.ShouldNotBeNull();
        response.Error.Kind.ShouldBe(ProbeErrorKind.Timeout);
    }

    [Fact]
    public async Task Waits_out_a_short_retry_after_once()
    {
        // A fake clock instead of a real one-second sleep: the test moves time itself and records when, on that clock,
        // each request arrived, so "waited the Retry-After out" is asserted, not assumed.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        var arrivals = new System.Collections.Concurrent.ConcurrentQueue<DateTimeOffset>();
        await using var server = await LoopbackServer.StartAsync(async ctx =>
        {
            arrivals.Enqueue(time.GetUtcNow());
            if (arrivals.Count == 1)
            {
                ctx.Response.StatusCode = 429;
                ctx.Response.Headers.RetryAfter = "1";
                return;
            }

            await ctx.Response.WriteAsync("ok", Ct);
        });
        using var client = TestScan.Client(time: time);

        var sending = client.SendAsync(new ProbeRequest(HttpMethod.Get, server.BaseUrl), Ct);
        for (var step = 0; step < 400 && !sending.IsCompleted; step++)
        {
            // Small steps, far below the 10 s request timeout on the same clock.
            if (!arrivals.IsEmpty)
            {
                time.Advance(TimeSpan.FromMilliseconds(100));
            }

            await Task.Delay(10, Ct);
        }

        var response = await sending;
        response.Status.ShouldBe(200);
        server.Requests.Count.ShouldBe(2);
        var times = arrivals.ToArray();
        (times[1] - times[0]).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Reports_a_long_retry_after_as_the_429_it_is()
    {
        await using var server = await LoopbackServer.StartAsync(ctx =>
        {
            ctx.Response.StatusCode = 429;
            ctx.Response.Headers.RetryAfter = "120";
            return Task.CompletedTask;
        });
        using var client = TestScan.Client();

        var response = await client.SendAsync(new ProbeRequest(HttpMethod.Get, server.BaseUrl), Ct);

        response.Status.ShouldBe(429);
        server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Drops_the_token_on_a_cross_origin_redirect()
    {
        await using var other = await LoopbackServer.StartAsync(ctx => ctx.Response.WriteAsync("elsewhere", Ct));
        await using var server = await LoopbackServer.StartAsync(ctx =>
        {
            ctx.Response.Redirect(new Uri(other.BaseUrl, "landing").ToString());
            return Task.CompletedTask;
        });
        using var client = TestScan.Client();

        var response = await client.SendAsync(new ProbeRequest(HttpMethod.Get, server.BaseUrl, [new("Authorization", "JWT secret-token")]), Ct);

        response.Status.ShouldBe(200);
        server.Requests.Single().Authorization.ShouldBe("JWT secret-token");
        other.Requests.Single().Authorization.ShouldBeEmpty();
    }

    [Fact]
    public async Task Reports_a_refused_connection_as_such()
    {
        int port;
        await using (var server = await LoopbackServer.StartAsync(_ => Task.CompletedTask))
        {
            port = server.BaseUrl.Port;
        }

        using var client = TestScan.Client();
        var response = await client.SendAsync(new ProbeRequest(HttpMethod.Get, new Uri($"http://127.0.0.1:{port}/")), Ct);

        response.Error.ShouldNotBeNull();
        response.Error.Kind.ShouldBe(ProbeErrorKind.ConnectionFailed);
    }

    [Fact]
    public async Task Never_sends_cookies_from_one_probe_to_the_next()
    {
        await using var server = await LoopbackServer.StartAsync(ctx =>
        {
            ctx.Response.Headers.SetCookie = "session=abc; Path=/";
            return ctx.Response.WriteAsync(ctx.Request.Headers.Cookie.ToString(), Ct);
        });
        using var client = TestScan.Client();

        await client.SendAsync(new ProbeRequest(HttpMethod.Get, server.BaseUrl), Ct);
        var second = await client.SendAsync(new ProbeRequest(HttpMethod.Get, server.BaseUrl), Ct);

        second.BodyText().ShouldBeEmpty();
    }
}
