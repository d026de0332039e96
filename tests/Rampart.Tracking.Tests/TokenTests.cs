using Microsoft.EntityFrameworkCore;
using Rampart.TestSupport;
using Rampart.Tracking.Persistence;

namespace Rampart.Tracking.Tests;

public sealed class TokenTests(PostgresFixture postgres) : DbTest(postgres)
{
    [Theory, MemberData(nameof(Providers))]
    public async Task Tokens_authenticate_until_they_expire_or_are_revoked_and_only_their_hash_is_stored(DatabaseProvider provider)
    {
        await using var store = await StoreAsync(provider);
        var partner = await SeedAppAsync(store);
        var tokens = store.Get<TokenService>();

        var created = await tokens.CreateAsync(Admin, Role.Partner, partner.PartnerId, TimeSpan.FromDays(1), "vendor ci");
        var analyst = await tokens.CreateAsync(Admin, Role.SecurityAnalyst, null, null, null);

        created.Token.ShouldStartWith("rmp_");
        created.Token.Length.ShouldBe(4 + 43);
        created.ExpiresAt.ShouldBe(TrackingTestStore.Start.AddDays(1));
        var actor = await tokens.AuthenticateAsync(created.Token);
        actor.ShouldBe(new Actor($"token:{created.Id}", Role.Partner, partner.PartnerId));
        (await tokens.AuthenticateAsync(created.Token + "x")).ShouldBeNull();
        (await tokens.AuthenticateAsync("rmp_" + new string('A', 43))).ShouldBeNull();
        (await tokens.AuthenticateAsync("")).ShouldBeNull();

        await using (var db = await store.Get<IDbContextFactory<TrackingDbContext>>().CreateDbContextAsync())
        {
            var stored = await db.Tokens.AsNoTracking().SingleAsync(t => t.Id == created.Id);
            stored.Hash.ShouldBe(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(created.Token)));
        }

        store.Time.Advance(TimeSpan.FromDays(1));
        (await tokens.AuthenticateAsync(created.Token)).ShouldBeNull();

        (await tokens.AuthenticateAsync(analyst.Token))!.Role.ShouldBe(Role.SecurityAnalyst);
        var revoked = await tokens.RevokeAsync(Admin, analyst.Id);
        revoked.RevokedAt.ShouldNotBeNull();
        (await tokens.AuthenticateAsync(analyst.Token)).ShouldBeNull();

        (await tokens.ListAsync(Admin)).Count.ShouldBe(2);
        var audit = await store.Get<AuditService>().ListAsync(Admin, new AuditQuery($"token:{analyst.Id}"));
        audit.Items.Select(e => e.Action).ShouldBe(["token.created", "token.revoked"]);
        audit.Items.ShouldAllBe(e => !e.After!.Contains("rmp_"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Only_admins_manage_tokens_and_bad_requests_name_the_field(DatabaseProvider provider)
    {
        await using var store = await StoreAsync(provider);
        var tokens = store.Get<TokenService>();
        await Should.ThrowAsync<ForbiddenException>(() => tokens.CreateAsync(Analyst, Role.SecurityAdmin, null, null, null));
        await Should.ThrowAsync<ForbiddenException>(() => tokens.ListAsync(Auditor));
        (await Should.ThrowAsync<ValidationException>(() => tokens.CreateAsync(Admin, Role.Partner, null, null, null))).Errors.ShouldContainKey("partner");
        (await Should.ThrowAsync<ValidationException>(() => tokens.CreateAsync(Admin, Role.Partner, Guid.NewGuid(), null, null))).Errors.ShouldContainKey("partner");
        (await Should.ThrowAsync<ValidationException>(() => tokens.CreateAsync(Admin, Role.System, null, null, null))).Errors.ShouldContainKey("role");
        (await Should.ThrowAsync<ValidationException>(() => tokens.CreateAsync(Admin, Role.Auditor, null, TimeSpan.FromDays(-1), null))).Errors.ShouldContainKey("lifetime");
    }
}
