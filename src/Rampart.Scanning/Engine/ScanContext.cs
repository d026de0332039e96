using Rampart.Catalog;
using Rampart.Scanning.Checks;
using Rampart.Scanning.Checks.Content;
using Rampart.Scanning.Connect;
using Rampart.Scanning.Http;
using Rampart.Scanning.Reports;
using Rampart.ScanReports;
using Rampart.Scanning.Tls;

namespace Rampart.Scanning.Engine;

/// <summary>What every check of one scan shares: the target, the options, the bounded client and the clock.</summary>
public sealed class ScanContext
{
    public ScanContext(AppKind kind, string appKey, ConnectDescriptor? descriptor, ScanOptions options, IProbeClient http, TimeProvider time)
    {
        Kind = kind;
        AppKey = appKey;
        Descriptor = descriptor;
        Options = options;
        Recorder = new RecordingProbeClient(http);
        Time = time;
        Probes = new ProbeCache(Recorder);
        Policy = new AddressPolicy(options.AllowPrivateNetwork);
        Resolve = Dns.DnsResolver.AddressLookup(options);
        // A TLS probe is one request of the scan: it gets --timeout like every HTTP request, not a fixed bound of its own.
        Tls = new TlsAssessmentCache(new Tls.TlsProber(Policy, new Tls.TlsProberOptions { ProbeTimeout = options.RequestTimeout }, time, Resolve));
        Content = new ServedContent(this);
    }

    public AppKind Kind { get; }

    public string AppKey { get; }

    /// <summary>Set for Connect scans.</summary>
    public ConnectDescriptor? Descriptor { get; }

    public ScanOptions Options { get; }

    /// <summary>The scan's client; every response it receives is kept for the checks that inspect responses.</summary>
    public IProbeClient Http => Recorder;

    public RecordingProbeClient Recorder { get; }

    public TimeProvider Time { get; }

    /// <summary>The addresses a scan may connect to; every connection applies it to the address it connects to.</summary>
    public AddressPolicy Policy { get; }

    /// <summary>The scan's resolver for connections (<c>--dns-server</c>), or null for the system's.</summary>
    public Func<string, CancellationToken, Task<System.Net.IPAddress[]>>? Resolve { get; }

    /// <summary>Requests several checks need (a plain GET of each endpoint) are sent once and shared.</summary>
    public ProbeCache Probes { get; }

    /// <summary>TLS assessments per origin, run once and shared by the TLS checks.</summary>
    public TlsAssessmentCache Tls { get; }

    /// <summary>Pages, scripts and source-map sources the app serves, fetched once for the content checks.</summary>
    public ServedContent Content { get; }

    /// <summary>
    /// Every origin (scheme, host, port) the app serves from: the descriptor's, the baseUrl's and those of every
    /// endpoint that is not third-party. Host-level checks (TLS, HSTS, certificates, DNS) run once per origin.
    /// </summary>
    public IReadOnlyList<Uri> AppOrigins()
    {
        if (Descriptor is null)
        {
            return [];
        }

        return new[] { Descriptor.DescriptorUrl, Descriptor.BaseUrl }
            .Concat(Descriptor.Endpoints.Where(e => !e.IsThirdParty).Select(e => e.Url))
            .Select(u => new Uri(u.GetLeftPart(UriPartial.Authority) + "/"))
            .Distinct()
            .ToList();
    }

    public Finding NewFinding(CheckInfo check, string requirementId, string title, string location, string evidence,
        Severity? severity = null, bool advisory = false) =>
        new(check.Id, requirementId, severity ?? check.DefaultSeverity, title, location, evidence,
            Fingerprint.Compute(AppKey, check.Id, location), check.Remediation, advisory);
}
