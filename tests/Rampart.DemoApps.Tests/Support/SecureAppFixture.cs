namespace Rampart.DemoApps.Tests.Support;

/// <summary>One running secure app shared by the tests of a class.</summary>
public sealed class SecureAppFixture : IAsyncLifetime
{
    private DemoApp? app;

    public DemoCertificateAuthority Ca { get; } = DemoCertificateAuthority.Create(TimeProvider.System);

    public DemoApp App => app ?? throw new InvalidOperationException("Not started.");

    public HttpClient Http { get; private set; } = null!;

    internal AppClient Client => new(App, Http);

    public async Task InitializeAsync()
    {
        app = await DemoApp.StartAsync(
            new DemoAppOptions("secure-app", "Secure App", ExtraPages: 2), Ca, TimeProvider.System, CancellationToken.None);
        Http = DemoHttp.CreateClient(Ca.Certificate);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        Ca.Dispose();
    }
}
