using Rampart.Scanning.Dns;

namespace Rampart.Scanning.Tests.Dns;

public sealed class TakeoverFingerprintsTests
{
    private static readonly TakeoverFingerprints Data = TakeoverFingerprints.Default;

    [Fact]
    public void Embedded_list_loads_with_the_services_the_check_relies_on()
    {
        Data.Services.Select(s => s.Service).ShouldContain("GitHub Pages");
        Data.Services.Count.ShouldBeGreaterThanOrEqualTo(10);
        Data.DnsProviders.ShouldNotBeEmpty();
    }

    [Fact]
    public void Every_entry_keeps_its_source_and_licence()
    {
        foreach (var service in Data.Services)
        {
            service.Source.ShouldNotBeNullOrWhiteSpace(service.Service);
            service.Licence.ShouldBeOneOf("CC-BY-4.0", "CC0-1.0");
        }

        foreach (var provider in Data.DnsProviders)
        {
            provider.Source.ShouldNotBeNullOrWhiteSpace(provider.Provider);
            provider.Licence.ShouldNotBeNullOrWhiteSpace(provider.Provider);
        }
    }

    [Fact]
    public void Every_pattern_is_compiled_with_a_match_timeout()
    {
        var patterns = Data.Services.SelectMany(s => s.CnamePatterns.Append(s.Body).OfType<System.Text.RegularExpressions.Regex>())
            .Concat(Data.DnsProviders.SelectMany(p => p.NsPatterns));
        foreach (var pattern in patterns)
        {
            pattern.MatchTimeout.ShouldBe(Rampart.Catalog.RegexLimits.MatchTimeout, pattern.ToString());
        }

        Data.Services.Where(s => s.Kind is TakeoverCheckKind.Body).ShouldAllBe(s => s.Body != null);
    }

    [Theory]
    [InlineData("someone.github.io", "GitHub Pages")]
    [InlineData("old-app.herokuapp.com", "Heroku")]
    [InlineData("assets.s3-website-us-east-1.amazonaws.com", "AWS S3 (website or bucket endpoint)")]
    [InlineData("shop.azurewebsites.net", "Azure (cloud services, app service, traffic manager, storage, CDN)")]
    [InlineData("docs.readme.io", "ReadMe (readme.io)")]
    public void Cname_targets_match_their_service(string target, string service) =>
        Data.Services.Where(s => s.MatchesCname(target)).Select(s => s.Service).ShouldBe([service]);

    [Theory]
    [InlineData("github.io.example.com")]
    [InlineData("mygithub.io")]
    [InlineData("github.example.com")]
    [InlineData("notherokuapp.com")]
    public void Look_alike_targets_match_no_service(string target) =>
        Data.Services.Where(s => s.MatchesCname(target)).ShouldBeEmpty();

    [Fact]
    public void An_entry_without_a_licence_is_refused()
    {
        var yaml = """
            services:
              - service: Example
                cname: ['(^|\.)example\.net$']
                kind: nxdomain
                source: https://example.net/docs
            """;

        Should.Throw<InvalidDataException>(() => TakeoverFingerprints.Parse(yaml)).Message.ShouldContain("licence");
    }

    [Fact]
    public void An_invalid_pattern_is_refused_with_its_place()
    {
        var yaml = """
            services:
              - service: Example
                cname: ['(unclosed']
                kind: nxdomain
                source: https://example.net/docs
                licence: CC0-1.0
            """;

        Should.Throw<InvalidDataException>(() => TakeoverFingerprints.Parse(yaml)).Message.ShouldContain("services[0] (Example).cname[0]");
    }
}
