namespace Rampart.DemoApps.Connect;

internal enum TokenSource
{
    Header,
    Query,
}
