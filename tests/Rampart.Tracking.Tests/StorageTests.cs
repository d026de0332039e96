using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Rampart.ScanReports;
using Rampart.TestSupport;

namespace Rampart.Tracking.Tests;

public sealed class StorageTests(PostgresFixture postgres) : DbTest(postgres)
{
    [Fact]
    public async Task The_default_store_is_a_sqlite_file_in_the_data_directory_in_wal_mode()
    {
        await using var store = await StoreAsync(DatabaseProvider.Sqlite);
        var file = new SqliteConnectionStringBuilder(store.Options.ConnectionString).DataSource;
        Path.GetFileName(file).ShouldBe("rampart.db");
        File.Exists(file).ShouldBeTrue();

        await using var connection = new SqliteConnection($"Data Source={file}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        ((string?)await command.ExecuteScalarAsync()).ShouldBe("wal");

        // Per-connection settings come from the tracker's interceptor, so ask through its own context.
        await using var db = await store.Get<IDbContextFactory<Persistence.TrackingDbContext>>().CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        await using var pragma = db.Database.GetDbConnection().CreateCommand();
        pragma.CommandText = "PRAGMA wal_autocheckpoint;";
        ((long)(await pragma.ExecuteScalarAsync())!).ShouldBe(16384);
        pragma.CommandText = "PRAGMA synchronous;";
        ((long)(await pragma.ExecuteScalarAsync())!).ShouldBe(1); // NORMAL
    }

    [Theory]
    [InlineData("Host=db.example;Database=rampart", 64, true)]
    [InlineData("Host=db.example;Database=rampart;Max Auto Prepare=0;No Reset On Close=false", 0, false)]
    [InlineData("Host=db.example;Database=rampart;Maximum Pool Size=5;Max Auto Prepare=8", 8, true)]
    public void PostgreSQL_statements_are_prepared_and_connections_not_reset_unless_the_connection_string_says_otherwise(string connectionString, int prepare, bool noReset)
    {
        var tuned = new Npgsql.NpgsqlConnectionStringBuilder(TrackingServiceCollectionExtensions.WithTrackerDefaults(connectionString));
        tuned.MaxAutoPrepare.ShouldBe(prepare);
        tuned.NoResetOnClose.ShouldBe(noReset);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_oversized_report_is_rejected_before_parsing_and_nothing_is_written(DatabaseProvider provider)
    {
        await using var store = await StoreAsync(provider);
        await SeedAppAsync(store);
        await using var huge = new RepeatingStream(ScanReportReader.MaxBytes + 1);

        var error = await Should.ThrowAsync<ReportRejectedException>(() => store.Get<IngestService>().IngestAsync(Uploader, "com.example.app", huge));

        error.StatusCode.ShouldBe(413);
        error.Detail.ShouldContain("larger than 16 MiB");
        (await TicketsAsync(store)).ShouldBeEmpty();
    }

    /// <summary>A read-only stream of spaces of a given length, without holding it in memory.</summary>
    private sealed class RepeatingStream(long length) : Stream
    {
        private long position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - position);
            buffer.AsSpan(offset, n).Fill((byte)' ');
            position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
