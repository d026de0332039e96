using System.Net;
using Rampart.TestSupport;
using Rampart.Tracking;

namespace Rampart.Server.Tests;

/// <summary>The server's own log events (ServerLog), captured from a real server through a real logger provider.</summary>
[Collection(ServerCollection.Name)]
public sealed class ServerLogTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Start_refused_tokens_and_refused_roles_are_logged_with_their_event_ids_and_never_the_token()
    {
        await using var server = await RunningServer.StartAsync(TestDatabase.Sqlite, postgres);
        var listening = Fields(server.Logs.GetSnapshot().Single(r => r.Id.Id == 2001));
        listening["Addresses"].ShouldBe(server.Address.ToString().TrimEnd('/'));
        listening["Provider"].ShouldBe("Sqlite");

        const string Forged = "rmp_forged-token-that-was-never-issued";
        using (var forged = server.Client(Forged))
        {
            (await forged.GetAsync("/api/tickets")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var refused = server.Logs.GetSnapshot().Single(r => r.Id.Id == 2101);
        refused.Id.Name.ShouldBe("AuthenticationFailed");
        var fields = Fields(refused);
        (fields["Method"], fields["Path"], fields["RemoteAddress"]).ShouldBe(("GET", "/api/tickets", "127.0.0.1"));
        fields["Reason"]!.ShouldContain("unknown, expired or revoked");

        using (var auditor = server.Client(await server.TokenAsync(Role.Auditor)))
        {
            (await auditor.PostAsync("/api/partners", RunningServer.Json("{}"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        var forbidden = Fields(server.Logs.GetSnapshot().Single(r => r.Id.Id == 2102));
        (forbidden["Role"], forbidden["Method"], forbidden["Path"]).ShouldBe(("auditor", "POST", "/api/partners"));
        forbidden["Actor"].ShouldNotBeNullOrEmpty();

        server.Logs.GetSnapshot().ShouldNotContain(r => r.Message.Contains(Forged, StringComparison.Ordinal)
            || (r.StructuredState ?? Array.Empty<KeyValuePair<string, string?>>()).Any(kv => kv.Value != null && kv.Value.Contains(Forged, StringComparison.Ordinal)));
    }

    private static Dictionary<string, string?> Fields(Microsoft.Extensions.Logging.Testing.FakeLogRecord record) =>
        (record.StructuredState ?? []).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
}
