using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using Rampart.Server;
using Rampart.Tracking;
using Rampart.Tracking.Persistence;

namespace Rampart.Bench;

/// <summary>
/// <c>GET /api/tickets</c> over 1,000,000 tickets in PostgreSQL: bulk-loads the tickets with binary COPY into the
/// tables the migrations create, starts the real server on loopback and drives it with the open-loop
/// <see cref="LoadClient"/> at a fixed rate. Baseline in the same run: <c>GET /health</c> (no database) at the same rate.
/// </summary>
internal static class TicketQueryBenchmark
{
    private const int Partners = 100;

    public sealed record Settings(string Connection, int Tickets, int Apps, int Rate, int Seconds, string? Output, int Warmup = 30)
    {
        public static Settings Parse(string[] args)
        {
            var s = new Settings(Connection: "", Tickets: 1_000_000, Apps: 1_000, Rate: 200, Seconds: 60, Output: null);
            for (var i = 0; i < args.Length; i += 2)
            {
                var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
                s = args[i] switch
                {
                    "--connection" => s with { Connection = value },
                    "--tickets" => s with { Tickets = int.Parse(value, CultureInfo.InvariantCulture) },
                    "--apps" => s with { Apps = int.Parse(value, CultureInfo.InvariantCulture) },
                    "--rate" => s with { Rate = int.Parse(value, CultureInfo.InvariantCulture) },
                    "--seconds" => s with { Seconds = int.Parse(value, CultureInfo.InvariantCulture) },
                    "--warmup" => s with { Warmup = int.Parse(value, CultureInfo.InvariantCulture) },
                    "--out" => s with { Output = value },
                    _ => throw new ArgumentException($"unknown option {args[i]}"),
                };
            }

            return string.IsNullOrEmpty(s.Connection) ? throw new ArgumentException("--connection \"Host=...;Database=...\" is required (an empty database)") : s;
        }
    }

    public static async Task<string> RunAsync(Settings settings, CancellationToken cancellationToken)
    {
        var store = new TrackingStoreOptions(DatabaseProvider.PostgreSql, settings.Connection);
        await using var app = RampartServer.Build(new ServerOptions("http://127.0.0.1:0", store, TimeSpan.FromHours(1)), TimeProvider.System, LogLevel.Warning);
        var address = new Uri((await RampartServer.StartAsync(app, cancellationToken)).Single());
        var now = TimeProvider.System.GetUtcNow();

        var load = Stopwatch.StartNew();
        var (appKeys, partnerIds, existing) = await LoadAsync(app.Services, settings, now, cancellationToken);
        load.Stop();

        string admin, partner;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var tokens = scope.ServiceProvider.GetRequiredService<TokenService>();
            var system = new Actor("bench", Role.SecurityAdmin);
            admin = (await tokens.CreateAsync(system, Role.SecurityAnalyst, null, TimeSpan.FromDays(1), "bench", cancellationToken: cancellationToken)).Token;
            partner = (await tokens.CreateAsync(system, Role.Partner, partnerIds[0], TimeSpan.FromDays(1), "bench-partner", cancellationToken: cancellationToken)).Token;
        }

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var client = new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        var random = new Random(42);
        var statuses = new[] { "open", "in-progress", "fix-submitted", "verified-fixed" };
        var severities = new[] { "critical", "high", "medium", "low" };

        (string, HttpRequestMessage) NextQuery(int i)
        {
            var roll = random.Next(100);
            var (kind, path, token) = roll switch
            {
                < 40 => ("app+status", $"/api/tickets?app={appKeys[random.Next(appKeys.Count)]}&status=open&page={random.Next(1, 4)}&pageSize=50", admin),
                < 60 => ("status+severity", $"/api/tickets?status={statuses[random.Next(statuses.Length)]}&severity={severities[random.Next(severities.Length)]}&page={random.Next(1, 11)}&pageSize=50", admin),
                < 75 => ("overdue", $"/api/tickets?overdue=true&page={random.Next(1, 11)}&pageSize=50", admin),
                < 85 => ("unfiltered", $"/api/tickets?page={random.Next(1, 11)}&pageSize=50", admin),
                _ => ("partner", $"/api/tickets?page={random.Next(1, 6)}&pageSize=50", partner),
            };
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return (kind, request);
        }

        (string, HttpRequestMessage) NextHealth(int i) => ("health", new HttpRequestMessage(HttpMethod.Get, "/health"));

        // Warm-up: JIT, connection pool, PostgreSQL buffers. Tiered compilation of the EF Core and Npgsql paths keeps a
        // core busy for well over 10 s after start; a server runs for days, so the measurement starts after it.
        await LoadClient.RunAsync(client, settings.Rate, TimeSpan.FromSeconds(settings.Warmup), 128, NextQuery, cancellationToken);
        var duration = TimeSpan.FromSeconds(settings.Seconds);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var pgCpu = PostgresCpu();
        var baseline = await LoadClient.RunAsync(client, settings.Rate, duration, 128, NextHealth, cancellationToken);
        var baselineCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var baselinePgCpu = PostgresCpu() - pgCpu;
        cpu = Process.GetCurrentProcess().TotalProcessorTime;
        pgCpu = PostgresCpu();
        var queries = await LoadClient.RunAsync(client, settings.Rate, duration, 128, NextQuery, cancellationToken);
        var queriesCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var queriesPgCpu = PostgresCpu() - pgCpu;

        return Report(settings, existing, load.Elapsed, queries, baseline) + Inv(
            $"\nCPU of the benchmark process (server and load client; PostgreSQL not included) per completed request: queries {queriesCpu.TotalMilliseconds / queries.Samples.Count:0.00} ms, /health baseline {baselineCpu.TotalMilliseconds / baseline.Samples.Count:0.00} ms. CPU of the PostgreSQL server processes per completed request: queries {queriesPgCpu.TotalMilliseconds / queries.Samples.Count:0.00} ms, /health baseline {baselinePgCpu.TotalMilliseconds / baseline.Samples.Count:0.00} ms.\n");
    }

    private static string Report(Settings settings, bool existing, TimeSpan load,
        (IReadOnlyList<LoadSample> Samples, int Dropped) queries, (IReadOnlyList<LoadSample> Samples, int Dropped) baseline)
    {
        var text = new StringBuilder();
        var all = Sorted(queries.Samples);
        var base99 = LoadClient.Percentile(Sorted(baseline.Samples), 99);
        text.AppendLine(Inv($"### GET /api/tickets over {settings.Tickets:N0} tickets ({settings.Apps} apps), PostgreSQL, {settings.Rate} requests/s for {settings.Seconds} s, {Environment.ProcessorCount} cores"));
        text.AppendLine();
        text.AppendLine(existing ? "Data: already loaded by an earlier run." : Inv($"Data: bulk-loaded with binary COPY and VACUUM ANALYZE in {load.TotalSeconds:0.0} s ({settings.Tickets / load.TotalSeconds:N0} tickets/s)."));
        text.AppendLine();
        text.AppendLine("| requests | count | non-200 | p50 ms | p90 ms | p99 ms | max ms |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var group in queries.Samples.GroupBy(s => s.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Append(null))
        {
            var samples = group?.ToList() ?? [.. queries.Samples];
            var sorted = Sorted(samples);
            text.AppendLine(Inv($"| {(group is null ? "**all queries**" : group.Key)} | {samples.Count} | {samples.Count(s => s.Status != 200)} | {LoadClient.Percentile(sorted, 50):0.0} | {LoadClient.Percentile(sorted, 90):0.0} | {LoadClient.Percentile(sorted, 99):0.0} | {sorted[^1]:0.0} |"));
        }

        var b = Sorted(baseline.Samples);
        text.AppendLine(Inv($"| baseline: GET /health (no database) | {baseline.Samples.Count} | {baseline.Samples.Count(s => s.Status != 200)} | {LoadClient.Percentile(b, 50):0.0} | {LoadClient.Percentile(b, 90):0.0} | {base99:0.0} | {b[^1]:0.0} |"));
        text.AppendLine();
        text.AppendLine(Inv($"p99 of all queries: **{LoadClient.Percentile(all, 99):0.0} ms** (target < 50 ms); ratio to the /health baseline p99: {LoadClient.Percentile(all, 99) / base99:0.0}x. Dropped (over 128 in flight): {queries.Dropped} queries, {baseline.Dropped} baseline."));
        return text.ToString();
    }

    /// <summary>CPU time of every process named postgres on this machine (Linux /proc; zero elsewhere), so the
    /// database's share of each request is measured as well as the benchmark process's.</summary>
    private static TimeSpan PostgresCpu()
    {
        if (!Directory.Exists("/proc"))
        {
            return TimeSpan.Zero;
        }

        long ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var close = stat.LastIndexOf(')');
                if (close < 0 || !stat.AsSpan(0, close).Contains("(postgres", StringComparison.Ordinal))
                {
                    continue;
                }

                // Fields after the command: state is field 3, utime 14, stime 15 (1-based, man proc).
                var fields = stat[(close + 2)..].Split(' ');
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
            {
                // A process that exits while being read, or a directory that is not a process.
            }
        }

        // USER_HZ is 100 on Linux.
        return TimeSpan.FromMilliseconds(ticks * 10);
    }

    private static List<double> Sorted(IEnumerable<LoadSample> samples) => [.. samples.Select(s => s.Milliseconds).Order()];

    private static async Task<(IReadOnlyList<string> AppKeys, IReadOnlyList<Guid> PartnerIds, bool Existing)> LoadAsync(
        IServiceProvider services, Settings settings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var factory = services.GetRequiredService<IDbContextFactory<TrackingDbContext>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var appKeys = Enumerable.Range(0, settings.Apps).Select(i => $"com.bench.app{i:D5}").ToList();
        var partnerIds = Enumerable.Range(0, Partners).Select(i => new Guid(i + 1, 0xbe, 0x4c, [0x80, 0, 0, 0, 0, 0, 0, 1])).ToList();
        if (await db.Tickets.CountAsync(cancellationToken) >= settings.Tickets)
        {
            return (appKeys, partnerIds, true);
        }

        await using var connection = new NpgsqlConnection(settings.Connection);
        await connection.OpenAsync(cancellationToken);

        var partnerTable = Table<PartnerEntity>(db);
        await using (var writer = await connection.BeginBinaryImportAsync(partnerTable.Copy(nameof(PartnerEntity.Id), nameof(PartnerEntity.Name), nameof(PartnerEntity.SecurityContactEmail), nameof(PartnerEntity.CreatedAt)), cancellationToken))
        {
            foreach (var (id, i) in partnerIds.Select((id, i) => (id, i)))
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(id, NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync($"Bench vendor {i}", NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync($"security@vendor{i}.example", NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(now.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        var appTable = Table<AppEntity>(db);
        await using (var writer = await connection.BeginBinaryImportAsync(appTable.Copy(nameof(AppEntity.Key), nameof(AppEntity.Name), nameof(AppEntity.Kind), nameof(AppEntity.PartnerId),
            nameof(AppEntity.DescriptorUrl), nameof(AppEntity.CreatedAt), nameof(AppEntity.ListingState), nameof(AppEntity.ListingSince), nameof(AppEntity.Version)), cancellationToken))
        {
            foreach (var (key, i) in appKeys.Select((k, i) => (k, i)))
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(key, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync($"Bench app {i}", NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync("connect", NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(partnerIds[i % Partners], NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync($"https://{key}.example.com/atlassian-connect.json", NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(now.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
                await writer.WriteAsync(nameof(ListingState.Listed), NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(now.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
                await writer.WriteAsync(0, NpgsqlDbType.Integer, cancellationToken);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        var appIds = await db.Apps.OrderBy(a => a.Key).Select(a => a.Id).ToListAsync(cancellationToken);
        var ticketTable = Table<TicketEntity>(db);
        var random = new Random(7);
        var perApp = settings.Tickets / settings.Apps;
        var weeks = new Dictionary<TicketSeverity, int> { [TicketSeverity.Critical] = 4, [TicketSeverity.High] = 6, [TicketSeverity.Medium] = 8, [TicketSeverity.Low] = 25 };
        await using (var writer = await connection.BeginBinaryImportAsync(ticketTable.Copy(
            nameof(TicketEntity.AppId), nameof(TicketEntity.PartnerId), nameof(TicketEntity.Fingerprint), nameof(TicketEntity.RequirementId), nameof(TicketEntity.CheckId),
            nameof(TicketEntity.Title), nameof(TicketEntity.Location), nameof(TicketEntity.Evidence), nameof(TicketEntity.EvidenceHash),
            nameof(TicketEntity.Severity), nameof(TicketEntity.CvssVector), nameof(TicketEntity.CvssScore), nameof(TicketEntity.Status),
            nameof(TicketEntity.DueDate), nameof(TicketEntity.ReportedAt), nameof(TicketEntity.UpdatedAt), nameof(TicketEntity.Version)), cancellationToken))
        {
            for (var a = 0; a < appIds.Count; a++)
            {
                for (var t = 0; t < perApp; t++)
                {
                    var severity = random.Next(100) switch { < 5 => TicketSeverity.Critical, < 25 => TicketSeverity.High, < 75 => TicketSeverity.Medium, _ => TicketSeverity.Low };
                    var status = random.Next(100) switch { < 60 => TicketStatus.Open, < 70 => TicketStatus.InProgress, < 80 => TicketStatus.FixSubmitted, < 95 => TicketStatus.VerifiedFixed, _ => TicketStatus.FalsePositive };
                    var reported = now.AddDays(-random.Next(365)).AddMinutes(-random.Next(1440));
                    var location = $"https://{appKeys[a]}.example.com/page/{t}";
                    await writer.StartRowAsync(cancellationToken);
                    await writer.WriteAsync(appIds[a], NpgsqlDbType.Bigint, cancellationToken);
                    await writer.WriteAsync(partnerIds[a % Partners], NpgsqlDbType.Uuid, cancellationToken);
                    await writer.WriteAsync(Convert.ToHexStringLower(BitConverter.GetBytes(((long)a << 32) | (uint)t)) + new string('0', 24), NpgsqlDbType.Varchar, cancellationToken);
                    await writer.WriteAsync("3", NpgsqlDbType.Varchar, cancellationToken);
                    // A ticket is one unmet requirement per check of an app (unique): each of an app's tickets its own check.
                    await writer.WriteAsync($"RMP-BENCH-{t:D5}", NpgsqlDbType.Varchar, cancellationToken);
                    await writer.WriteAsync("No Strict-Transport-Security header", NpgsqlDbType.Varchar, cancellationToken);
                    await writer.WriteAsync(location, NpgsqlDbType.Varchar, cancellationToken);
                    await writer.WriteAsync("GET " + location + " -> 200 without Strict-Transport-Security", NpgsqlDbType.Text, cancellationToken);
                    await writer.WriteAsync(new string('a', 64), NpgsqlDbType.Varchar, cancellationToken);
                    await writer.WriteAsync(severity.ToString(), NpgsqlDbType.Varchar, cancellationToken);
                    await writer.WriteAsync("CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:L/A:N", NpgsqlDbType.Varchar, cancellationToken);
                    await writer.WriteAsync(4.2, NpgsqlDbType.Double, cancellationToken);
                    await writer.WriteAsync(status.ToString(), NpgsqlDbType.Varchar, cancellationToken);
                    await writer.WriteAsync(reported.AddDays(7 * weeks[severity]).UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
                    await writer.WriteAsync(reported.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
                    await writer.WriteAsync(reported.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
                    await writer.WriteAsync(0, NpgsqlDbType.Integer, cancellationToken);
                }
            }

            await writer.CompleteAsync(cancellationToken);
        }

        // What autovacuum would do after a bulk load: statistics and the visibility map (index-only scans).
        await using (var analyze = new NpgsqlCommand("VACUUM ANALYZE", connection))
        {
            await analyze.ExecuteNonQueryAsync(cancellationToken);
        }

        return (appKeys, partnerIds, false);
    }

    /// <summary>Table and column names as the EF model (and so the migrations) define them.</summary>
    private static TableNames Table<T>(DbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        return new TableNames(entity.GetSchema() is { } schema ? $"\"{schema}\".\"{table.Name}\"" : $"\"{table.Name}\"",
            property => entity.FindProperty(property)?.GetColumnName(table) ?? throw new InvalidOperationException($"{typeof(T).Name}.{property} is not mapped"));
    }

    private sealed record TableNames(string Name, Func<string, string> Column)
    {
        public string Copy(params string[] properties) =>
            $"COPY {Name} ({string.Join(", ", properties.Select(p => $"\"{Column(p)}\""))}) FROM STDIN (FORMAT BINARY)";
    }

    private static string Inv(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
