using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rampart.Catalog;
using Rampart.Scanning.Reports;
using Rampart.ScanReports;
using Rampart.TestSupport;
using Rampart.Tracking;
using Rampart.Tracking.Persistence;

namespace Rampart.Bench;

/// <summary>
/// Tracking ingest throughput: N reports × M findings (one report per app, every finding a new ticket), then the same
/// findings again in new scans (every finding unchanged), on SQLite and on PostgreSQL, through <see cref="IngestService"/>
/// exactly as the server calls it (parse, one transaction per report, audit entries, enforcement run per app).
/// </summary>
internal static class IngestBenchmark
{
    /// <summary>DefectDojo's best published figure: a 13,000-finding re-import in 25.8 s.</summary>
    public const double DefectDojoFindingsPerSecond = 13_000 / 25.8;

    public static async Task<string> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        int reports = 1000, findings = 100, parallel = 1;
        var providers = new List<DatabaseProvider> { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql };
        for (var i = 0; i < args.Length; i += 2)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--reports": reports = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--findings": findings = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--parallel": parallel = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--db": providers = [value == "postgres" ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite]; break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }

        var rows = new List<string>();
        foreach (var provider in providers)
        {
            var (first, second, duplicate, tickets) = await RunOneAsync(provider, reports, findings, parallel, cancellationToken).ConfigureAwait(false);
            var total = (double)reports * findings;
            rows.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {provider} | {total / first.TotalSeconds:F0} | {total / second.TotalSeconds:F0} | {total / duplicate.TotalSeconds:F0} | {first.TotalSeconds:F1} / {second.TotalSeconds:F1} | {tickets} | **{total / first.TotalSeconds / DefectDojoFindingsPerSecond:F1}× / {total / second.TotalSeconds / DefectDojoFindingsPerSecond:F1}×** |"));
            Console.Error.WriteLine(rows[^1]);
        }

        var sb = new StringBuilder();
        sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{reports} reports × {findings} findings, {parallel} concurrent ingest(s), {Environment.ProcessorCount} cores"));
        sb.AppendLine();
        sb.AppendLine("| database | first pass findings/s (all new) | second pass findings/s (all unchanged) | identical re-upload findings/s | seconds (first / second) | tickets / instances after | ratio vs DefectDojo ~504/s (first / second) |");
        sb.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var row in rows)
        {
            sb.AppendLine(row);
        }

        return sb.ToString();
    }

    private static async Task<(TimeSpan First, TimeSpan Second, TimeSpan Duplicate, string Tickets)> RunOneAsync(DatabaseProvider provider, int reports, int findings, int parallel, CancellationToken cancellationToken)
    {
        PostgresServer? postgres = null;
        string? dataDir = null;
        try
        {
            TrackingStoreOptions options;
            if (provider == DatabaseProvider.PostgreSql)
            {
                // Durable settings (fsync, synchronous commit on): what a production server would run.
                postgres = await PostgresServer.StartAsync(durable: true, cancellationToken).ConfigureAwait(false);
                options = new TrackingStoreOptions(provider, await postgres.CreateDatabaseAsync("rampart_bench", cancellationToken: cancellationToken).ConfigureAwait(false));
            }
            else
            {
                dataDir = Path.Combine(Path.GetTempPath(), "rampart-bench-" + Guid.NewGuid().ToString("N")[..8]);
                options = TrackingStoreOptions.ForDataDirectory(dataDir);
            }

            await using var services = new ServiceCollection().AddRampartTracking(options).BuildServiceProvider();
            await TrackingDatabase.MigrateAsync(services, cancellationToken).ConfigureAwait(false);
            var admin = new Actor("bench", Role.SecurityAdmin);
            using (var scope = services.CreateScope())
            {
                var partner = await scope.ServiceProvider.GetRequiredService<PartnerService>().CreateAsync(admin, new CreatePartnerRequest("Bench vendor", "security@bench.example"), cancellationToken).ConfigureAwait(false);
                var apps = scope.ServiceProvider.GetRequiredService<AppService>();
                for (var a = 0; a < reports; a++)
                {
                    await apps.CreateAsync(admin, new CreateAppRequest(AppKey(a), "Bench app", "connect", partner.Id, DescriptorUrl(AppKey(a))), cancellationToken).ConfigureAwait(false);
                }
            }

            var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
            var firstReports = Enumerable.Range(0, reports).Select(a => Build(a, findings, start)).ToArray();
            var secondReports = Enumerable.Range(0, reports).Select(a => Build(a, findings, start.AddDays(1))).ToArray();
            var uploader = new Actor("bench-ingest", Role.Ingest);

            // A ticket is one unmet requirement per check: a report's findings make one ticket per check that failed,
            // each finding an instance of it.
            var tickets = Math.Min(findings, Checks.Length);
            var first = await PassAsync(services, uploader, firstReports, parallel, r => r.Created == tickets, cancellationToken).ConfigureAwait(false);
            var second = await PassAsync(services, uploader, secondReports, parallel, r => r.Unchanged == tickets && r.Created == 0, cancellationToken).ConfigureAwait(false);
            var duplicate = await PassAsync(services, uploader, secondReports, parallel, r => r.Duplicate, cancellationToken).ConfigureAwait(false);
            // Counted in the database: the list's total stops at TicketPage.CountLimit.
            var factory = services.GetRequiredService<IDbContextFactory<TrackingDbContext>>();
            await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var total = await db.Tickets.LongCountAsync(cancellationToken).ConfigureAwait(false);
            var instances = await db.Instances.LongCountAsync(cancellationToken).ConfigureAwait(false);
            return (first, second, duplicate, $"{total} / {instances}");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (postgres is not null)
            {
                await postgres.DisposeAsync().ConfigureAwait(false);
            }

            if (dataDir is not null && Directory.Exists(dataDir))
            {
                Directory.Delete(dataDir, recursive: true);
            }
        }
    }

    private static async Task<TimeSpan> PassAsync(IServiceProvider services, Actor uploader, (string App, byte[] Json)[] reports, int parallel, Func<IngestResult, bool> expected, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(reports, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken }, async (report, ct) =>
        {
            using var scope = services.CreateScope();
            using var stream = new MemoryStream(report.Json, writable: false);
            var result = await scope.ServiceProvider.GetRequiredService<IngestService>().IngestAsync(uploader, report.App, stream, ct).ConfigureAwait(false);
            if (!expected(result))
            {
                throw new InvalidOperationException($"unexpected ingest result for {report.App}: {result}");
            }
        }).ConfigureAwait(false);
        return clock.Elapsed;
    }

    private static readonly string[] Checks = ["RMP-HSTS-001", "RMP-HDR-001", "RMP-HDR-002", "RMP-AUTH-001"];

    /// <summary>Registered and reported alike: ingest binds a report to its app by the descriptor URL's origin.</summary>
    private static string DescriptorUrl(string key) => $"https://{key}.example/atlassian-connect.json";

    private static string AppKey(int index) => string.Create(CultureInfo.InvariantCulture, $"com.bench.app{index:D5}");

    private static (string App, byte[] Json) Build(int appIndex, int findings, DateTimeOffset startedAt)
    {
        var key = AppKey(appIndex);
        var checks = Checks;
        string[] requirements = ["3", "4", "4", "1.1"];
        var list = Enumerable.Range(0, findings).Select(i =>
        {
            var c = i % checks.Length;
            var location = string.Create(CultureInfo.InvariantCulture, $"https://{key}.example/rest/endpoint/{i}");
            return new Finding(checks[c], requirements[c], Severity.High, $"{checks[c]} failed", location,
                "GET " + location + " → 200 without the expected header", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(key + checks[c] + location)))[..40], "Fix it.");
        }).ToList();
        var results = list.GroupBy(f => f.RequirementId).Select(g => new RequirementResult(g.Key, "Requirement " + g.Key, RequirementStatus.Fail, null, g.Select(f => f.CheckId).Distinct().ToList())).ToList();
        var report = new ScanReport(ScanReport.CurrentSchemaVersion, new ToolInfo("rampart", "0.1.0"), new AppInfo("connect", key, "Bench app", $"https://{key}.example", DescriptorUrl(key)),
            new CatalogInfo("2026", new DateOnly(2026, 10, 31)), startedAt, startedAt.AddMinutes(1), results, list, [], []);
        return (key, Encoding.UTF8.GetBytes(ScanReportJson.Serialize(report)));
    }
}
