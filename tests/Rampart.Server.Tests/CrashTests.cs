using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Rampart.TestSupport;
using Xunit.Abstractions;

namespace Rampart.Server.Tests;

/// <summary>
/// SIGKILL a real <c>rampart serve</c> while it ingests a large report: after a restart the report is either
/// fully in or fully absent, and uploading it again gives the right counts. Kills land at several moments
/// after the upload finished; the test asserts the outcome, never the timing.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class CrashTests(ITestOutputHelper output, PostgresFixture postgres) : IDisposable
{
    private const string App = "com.crash.app";
    private const int Findings = 5000;
    private readonly string dataDir = Directory.CreateTempSubdirectory("rampart-crash-test-").FullName;

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task A_report_interrupted_by_sigkill_is_all_or_nothing_and_a_reupload_completes_it(string provider)
    {
        string[] store = provider == TestDatabase.Sqlite
            ? ["--data-dir", dataDir]
            : ["--database", "postgres", "--connection", await postgres.NewDatabaseAsync()];
        var (code, stdout, stderr) = await ServeProcess.RunCliAsync(["tokens", "create", "--role", "security-admin", .. store]);
        code.ShouldBe(0, stderr);
        var token = stdout.TrimEnd().Split('\n')[^1].Trim();
        var report = Encoding.UTF8.GetBytes(ReportBuilder.Json(App, Findings, evidencePadding: new string('e', 300)));

        await using (var serve = await ServeProcess.StartAsync(store))
        {
            using var client = Client(serve, token);
            var partner = await World.CreatePartnerAsync(client, "Crash Vendor");
            await World.CreateAppAsync(client, App, partner);
        }

        var outcomes = new List<string>();
        string? connection = provider == TestDatabase.Postgres ? store[^1] : null;
        // Two kinds of kill: at fixed moments after the upload finished, and the moment the ingest transaction is seen
        // writing (SQLite: the write-ahead log grows; PostgreSQL: the server holds a row lock on tickets).
        foreach (var delay in new[] { 0, 100, -1, -1 })
        {
            await using var serve = await ServeProcess.StartAsync(store);
            using var client = Client(serve, token);
            var before = await TotalAsync(client);
            var writes = await WriteMarkAsync(connection);
            var sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var upload = client.PostAsync($"/api/apps/{App}/reports", new SignallingContent(report, sent));
            await sent.Task.WaitAsync(TimeSpan.FromMinutes(1));
            var moment = $"{delay} ms after the upload";
            if (delay >= 0)
            {
                await Task.Delay(delay);
            }
            else
            {
                var seen = false;
                for (var i = 0; i < 20_000 && !upload.IsCompleted && !(seen = await WritingAsync(connection, writes)); i++)
                {
                    await Task.Delay(1);
                }

                moment = seen ? "while the ingest transaction was writing" : "after the ingest finished (no write seen in time)";
            }

            await serve.KillAsync();
            try
            {
                using var response = await upload;
                outcomes.Add($"kill {moment}: answered {(int)response.StatusCode} before the kill");
            }
            catch (HttpRequestException)
            {
                outcomes.Add($"kill {moment}: no answer");
            }

            await using var restarted = await ServeProcess.StartAsync(store);
            using var after = Client(restarted, token);
            var total = await TotalAsync(after);
            outcomes.Add($"  tickets before {before}, after restart {total}");
            total.ShouldBeOneOf([before, Findings], $"a partial report is visible: {total} tickets");
        }

        await using (var final = await ServeProcess.StartAsync(store))
        {
            using var client = Client(final, token);
            var wasIn = await TotalAsync(client) == Findings;
            var again = await client.PostAsync($"/api/apps/{App}/reports", new ByteArrayContent(report) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } });
            again.StatusCode.ShouldBe(HttpStatusCode.OK, await again.Content.ReadAsStringAsync());
            var counts = IngestTests.Counts(await again.Content.ReadFromJsonAsync<JsonElement>());
            counts.ShouldBe(wasIn ? (0, Findings, 0, 0, 0) : (Findings, 0, 0, 0, 0));
            (await TotalAsync(client)).ShouldBe(Findings);
            var capped = await client.GetFromJsonAsync<JsonElement>($"/api/tickets?app={App}&pageSize=1");
            capped.GetProperty("total").GetInt64().ShouldBe(1000, "the count stops at the limit");
            capped.GetProperty("totalExact").GetBoolean().ShouldBeFalse();
            outcomes.Add($"re-upload: created {counts.Created}, unchanged {counts.Unchanged}");
        }

        output.WriteLine(string.Join(Environment.NewLine, outcomes));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataDir, recursive: true);
    }

    /// <summary>Where the database's writes stand before an upload (SQLite: the WAL size; PostgreSQL: not needed, row locks are seen directly).</summary>
    private async Task<long> WriteMarkAsync(string? connection) =>
        connection is null && File.Exists(Wal) ? new FileInfo(Wal).Length : await Task.FromResult(0L);

    private string Wal => Path.Combine(dataDir, "rampart.db-wal");

    private async Task<bool> WritingAsync(string? connection, long mark)
    {
        if (connection is null)
        {
            return File.Exists(Wal) && new FileInfo(Wal).Length > mark;
        }

        await using var db = new Npgsql.NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = db.CreateCommand();
        command.CommandText = """
            SELECT count(*) FROM pg_locks l JOIN pg_class c ON l.relation = c.oid
            WHERE c.relname = 'tickets' AND l.mode = 'RowExclusiveLock' AND l.pid <> pg_backend_pid()
            """;
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    private static HttpClient Client(ServeProcess serve, string token)
    {
        var client = new HttpClient { BaseAddress = serve.Address, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>
    /// Counts the app's tickets by walking the pages: the list's <c>total</c> stops at the count limit (1,000), below
    /// this test's report size.
    /// </summary>
    private static async Task<long> TotalAsync(HttpClient client)
    {
        long count = 0;
        for (var page = 1; ; page++)
        {
            var items = (await client.GetFromJsonAsync<JsonElement>($"/api/tickets?app={App}&pageSize=500&page={page}")).GetProperty("items").GetArrayLength();
            count += items;
            if (items < 500)
            {
                return count;
            }
        }
    }

    /// <summary>A body that says when its last byte has been handed to the connection.</summary>
    private sealed class SignallingContent(byte[] body, TaskCompletionSource sent) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            await stream.WriteAsync(body);
            await stream.FlushAsync();
            sent.TrySetResult();
        }

        protected override bool TryComputeLength(out long length)
        {
            length = body.Length;
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return true;
        }
    }
}
