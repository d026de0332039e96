using Rampart.Scanning.Checks.Headers;

namespace Rampart.Scanning.Tests.Checks;

/// <summary>Header parsing rules where CSRT is wrong (csrt-fsrt.md §1.10 item 9).</summary>
public sealed class HeaderRulesTests
{
    [Theory]
    [InlineData("unsafe-url, strict-origin", "strict-origin")]
    [InlineData("strict-origin, unsafe-url", "unsafe-url")]
    [InlineData("no-referrer, bogus-value", "no-referrer")]
    [InlineData("bogus", null)]
    public void The_last_valid_referrer_policy_token_wins(string header, string? expected) =>
        ReferrerPolicyCheck.Effective([header]).ShouldBe(expected);

    [Fact]
    public void Several_referrer_policy_headers_combine_in_order() =>
        ReferrerPolicyCheck.Effective(["no-referrer", "unsafe-url"]).ShouldBe("unsafe-url");

    [Theory]
    [InlineData("connect.sid", true)]
    [InlineData("laravel_session", true)]
    [InlineData("JSESSIONID", true)]
    [InlineData("PHPSESSID", true)]
    [InlineData("auth_token", true)]
    [InlineData("theme", false)]
    [InlineData("_ga", false)]
    [InlineData("locale", false)]
    public void Session_cookies_are_recognised_by_pattern(string name, bool session) =>
        SessionCookieCheck.LooksLikeSession(name).ShouldBe(session);
}

public sealed class HeaderProblemTests
{
    private static ObservedResponse Response(int status, string body = "", params (string Name, string Value)[] headers) =>
        new(new Uri("https://app.example.com/page"), "GET without a token", status,
            headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value)).ToList(), System.Text.Encoding.UTF8.GetBytes(body), Cacheable: false);

    [Fact]
    public void No_store_alone_is_enough_where_csrt_wants_no_cache_too() =>
        new CacheControlCheck().Problem(Response(200, headers: ("Cache-Control", "private, no-store"))).ShouldBeNull();

    [Fact]
    public void Missing_cache_control_on_a_401_is_a_problem() =>
        new CacheControlCheck().Problem(Response(401)).ShouldBe("no Cache-Control header");

    [Fact]
    public void Max_age_without_no_store_is_a_problem() =>
        new CacheControlCheck().Problem(Response(200, headers: ("Cache-Control", "no-cache, max-age=0"))).ShouldNotBeNull();

    [Fact]
    public void A_meta_referrer_tag_sets_the_policy_of_an_html_page()
    {
        var page = Response(200, "<html><head><meta name=\"referrer\" content=\"no-referrer\"></head></html>", ("Content-Type", "text/html; charset=utf-8"));

        new ReferrerPolicyCheck().Problem(page).ShouldBeNull();
    }

    [Fact]
    public void A_leaky_meta_tag_overrides_a_good_header()
    {
        var page = Response(200, "<meta content=\"unsafe-url\" name=\"referrer\">", ("Content-Type", "text/html"), ("Referrer-Policy", "no-referrer"));

        new ReferrerPolicyCheck().Problem(page).ShouldNotBeNull().ShouldContain("unsafe-url");
    }

    [Fact]
    public void Cookie_attributes_are_case_insensitive() =>
        new SessionCookieCheck().Problem(Response(200, headers: ("Set-Cookie", "JSESSIONID=1; secure; httponly; Path=/"))).ShouldBeNull();

    [Fact]
    public void A_session_cookie_without_flags_names_what_is_missing() =>
        new SessionCookieCheck().Problem(Response(302, headers: ("Set-Cookie", "connect.sid=s%3Aabc; Path=/; HttpOnly")))
            .ShouldBe("cookie 'connect.sid' lacks Secure");

    [Fact]
    public void Non_session_cookies_are_not_judged() =>
        new SessionCookieCheck().Problem(Response(200, headers: ("Set-Cookie", "theme=dark; Path=/"))).ShouldBeNull();
}
