using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Rampart.TestSupport;
using Rampart.Tracking;

namespace Rampart.Server.Tests;

/// <summary>
/// A real <c>rampart serve</c> in-process: Kestrel on a loopback port, a real database (SQLite file or a fresh
/// PostgreSQL database), a fake clock the test advances. Requests go through a real HttpClient. What the server logs
/// is collected (<see cref="Logs"/>): Rampart's own messages at every level, everything else from Warning up.
/// </summary>
public sealed class RunningServer : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 3, 8, 0, 0, TimeSpan.Zero);

    private readonly WebApplication app;
    private readonly TestDatabase database;

    private RunningServer(WebApplication app, TestDatabase database, FakeTimeProvider time, Uri address)
    {
        this.app = app;
        this.database = database;
        Time = time;
        Address = address;
    }

    public FakeTimeProvider Time { get; }

    public Uri Address { get; }

    public IServiceProvider Services => app.Services;

    public FakeLogCollector Logs => app.Services.GetFakeLogCollector();

    public static async Task<RunningServer> StartAsync(string provider, PostgresFixture postgres, TimeSpan? enforcementInterval = null)
    {
        var database = await TestDatabase.CreateAsync(provider, postgres);
        var time = new FakeTimeProvider(Start);
        var options = new ServerOptions("http://127.0.0.1:0", database.Options, enforcementInterval ?? TimeSpan.FromHours(1));
        var app = RampartServer.Build(options, time, LogLevel.Warning, logging => logging
            .AddFakeLogging(logs => logs.TimeProvider = time)
            .AddFilter<FakeLoggerProvider>("Rampart", LogLevel.Trace));
        var addresses = await RampartServer.StartAsync(app, CancellationToken.None);
        return new RunningServer(app, database, time, new Uri(addresses.Single()));
    }

    public HttpClient Client(string? token = null)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>A token made directly in the store (as <c>rampart tokens create</c> does).</summary>
    public async Task<string> TokenAsync(Role role, Guid? partnerId = null, TimeSpan? lifetime = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<TokenService>()
            .CreateAsync(new Actor("test", Role.SecurityAdmin, null), role, partnerId, lifetime ?? TimeSpan.FromDays(30), $"test-{role}", cancellationToken: CancellationToken.None);
        return created.Token;
    }

    /// <summary>Runs a service call as an admin, bypassing HTTP (for seeding and for checking what was written).</summary>
    public async Task<T> AsAdminAsync<T>(Func<IServiceProvider, Actor, Task<T>> call)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await call(scope.ServiceProvider, new Actor("test", Role.SecurityAdmin, null));
    }

    public async Task<long> AuditCountAsync() =>
        await AsAdminAsync(async (services, actor) =>
            (await services.GetRequiredService<AuditService>().ListAsync(actor, new AuditQuery { Page = 1, PageSize = 1 }, CancellationToken.None)).Total);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        await database.DisposeAsync();
    }

    public static StringContent Json(string json, string contentType = "application/json") =>
        new(json, Encoding.UTF8, MediaTypeHeaderValue.Parse(contentType));

    public static JsonContent Body<T>(T value) => JsonContent.Create(value);
}
